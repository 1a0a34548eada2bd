/**
 * VFP layers HNS programs on a pod's container port (domain.md §1.5, §1.6, §2.3, §2.4, §4, §5).
 * Layer order is the teaching order of domain.md §8.1 (out: ACL → LB_DSR → SLB_NAT →
 * PA_ROUTE/MAC_REWRITE → ENCAP; in = reverse), which is not verified.
 */
import {
  ANY,
  derived,
  protoName,
  type GroupSpec,
  type LayerSpec,
  type RuleSpec,
} from './vfp-builder';
import type {
  Endpoint,
  EndpointPolicy,
  LbBackend,
  LoadBalancer,
  Network,
  Node,
  RuleConditions,
  Topology,
} from './types';

const ORDER = 'layer order: teaching model, domain.md §8.1 (not verified)';
const R_ACL = 'domain.md §1.5, §5.2 [S31][S22]';
const R_DSR = 'domain.md §1.5 [S12][S21]';
const R_SNAT = 'domain.md §1.5, §1.6 [S12][S21]';
const R_NAT_BACKEND = 'domain.md §1.5, §7 S3 [S12]';
const R_ROUTE = 'domain.md §1.5, §2.3 [S13][S28]';
const R_ENCAP = 'domain.md §1.6, §2.4 [S20][S19]';

type Acl = Extract<EndpointPolicy, { type: 'ACL' }>;

/** What every pod-port builder needs to know. */
export interface PodPortContext {
  readonly t: Topology;
  readonly node: Node;
  readonly ep: Endpoint;
  readonly network: Network;
  /** The node's load balancers, in id order. */
  readonly lbs: readonly LoadBalancer[];
}

/** Backends of a load balancer as lbnat targets (endpoints without an IP are skipped). */
export function lbBackends(t: Topology, lb: LoadBalancer): LbBackend[] {
  const out: LbBackend[] = [];
  for (const id of lb.backendEndpointIds) {
    const ep = t.endpoints[id];
    if (ep?.ipAddress) out.push({ ip: ep.ipAddress, port: lb.internalPort, endpointId: id });
  }
  return out;
}

/** The address HNS puts in the `<nodeMgmtIP>` slot of LB rule names. */
export function mgmtIpOf(node: Node, network: Network | undefined): string {
  return network?.managementIp ?? node.managementIp ?? '0.0.0.0';
}

/** The VIPs of a frontend; a NodePort's VIP slot is the node IP (domain.md §1.5). */
export function vipsOf(lb: LoadBalancer, mgmtIp: string): readonly string[] {
  return lb.frontendVips.length > 0 ? lb.frontendVips : [mgmtIp];
}

function list<T>(xs: readonly T[]): readonly T[] | null {
  return xs.length > 0 ? xs : null;
}

function aclRule(ep: Endpoint, a: Acl): RuleSpec {
  const local = list(a.localAddresses);
  const remote = list(a.remoteAddresses);
  const conditions: Partial<RuleConditions> =
    a.direction === 'out'
      ? {
          srcPrefixes: local,
          dstPrefixes: remote,
          srcPorts: list(a.localPorts),
          dstPorts: list(a.remotePorts),
        }
      : {
          srcPrefixes: remote,
          dstPrefixes: local,
          srcPorts: list(a.remotePorts),
          dstPorts: list(a.localPorts),
        };
  const block = a.action === 'block';
  return {
    name: a.id,
    priority: a.priority,
    type: block ? 'block' : 'allow',
    terminating: true,
    stateful: true,
    conditions: { ...conditions, protocols: list(a.protocols) },
    action: { kind: block ? 'block' : 'allow' },
    provenance: derived('endpoint-policy', ep.id, `ACL ${a.id}`, 'documented', R_ACL),
  };
}

/** ACL_ENDPOINT_LAYER: one group per direction; a direction with ACLs ends in a default block (§5.2). */
export function aclLayer({ ep }: PodPortContext): LayerSpec {
  const acls = ep.policies.filter((p): p is Acl => p.type === 'ACL' && p.ruleType === 'switch');
  const groups: GroupSpec[] = (['in', 'out'] as const).map((dir) => {
    const mine = acls.filter((a) => a.direction === dir);
    const rules = mine.map((a) => aclRule(ep, a));
    if (mine.length > 0) {
      rules.push({
        name: `ACL_DEFAULT_BLOCK_${dir.toUpperCase()}`,
        priority: 65535,
        type: 'block',
        terminating: true,
        action: { kind: 'block' },
        provenance: derived(
          'hns',
          ep.id,
          'default deny once any ACL covers a direction',
          'observed',
          'domain.md §0 fact 8, §5.2 [S30]',
        ),
      });
    }
    return {
      name: `ACL_ENDPOINT_GROUP_IPV4_${dir.toUpperCase()}`,
      direction: dir,
      priority: 100,
      provenance: derived('endpoint', ep.id, 'ACL policies', 'documented', R_ACL),
      rules,
    };
  });
  return {
    name: 'ACL_ENDPOINT_LAYER',
    priority: 100,
    stateful: true,
    provenance: derived('endpoint', ep.id, `ACL policies; ${ORDER}`, 'documented', R_ACL),
    groups,
  };
}

/** LB_DSR: one lbnat rule per DSR frontend on the endpoint's network (every local pod port). */
export function lbDsrLayer({ t, node, ep, network, lbs }: PodPortContext): LayerSpec {
  const mgmt = mgmtIpOf(node, network);
  const rules: RuleSpec[] = [];
  for (const lb of lbs) {
    if (!lb.flags.dsr || (lb.networkId !== null && lb.networkId !== ep.networkId)) continue;
    for (const vip of vipsOf(lb, mgmt)) {
      rules.push({
        name: `LB_DSR_${lb.id}_${mgmt}_${vip}_${lb.externalPort}_${lb.internalPort}_${lb.protocol}`,
        priority: 100,
        type: 'lbnat',
        stateful: true,
        conditions: {
          dstPrefixes: [vip],
          dstPorts: [{ from: lb.externalPort, to: lb.externalPort }],
          protocols: [lb.protocol],
        },
        action: {
          kind: 'lbnat',
          loadBalancerId: lb.id,
          backends: lbBackends(t, lb),
          distribution: lb.distribution,
          snatIp: null,
        },
        provenance: derived(
          'load-balancer',
          lb.id,
          `DSR ${lb.kind} frontend ${vip}:${lb.externalPort}`,
          'documented',
          R_DSR,
        ),
      });
    }
  }
  return {
    name: 'LB_DSR',
    priority: 200,
    stateful: true,
    provenance: derived('kube-proxy', null, `DSR load balancers; ${ORDER}`, 'documented', R_DSR),
    groups: [
      {
        name: 'LB_DSR_IPv4_OUT',
        direction: 'out',
        priority: 100,
        rules,
        provenance: derived('kube-proxy', null, 'DSR load balancers', 'documented', R_DSR),
      },
    ],
  };
}

/** SLB_NAT_LAYER: backend-side NAT_/ALLOW_NAT_ rules, non-DSR VIPs, OutBoundNAT exceptions and SNAT. */
export function slbNatLayer({ t, node, ep, network, lbs }: PodPortContext): LayerSpec {
  const out: RuleSpec[] = [];
  const inn: RuleSpec[] = [];
  const mgmt = mgmtIpOf(node, network);
  const ip = ep.ipAddress ?? '0.0.0.0';
  for (const lb of lbs) {
    if (lb.networkId !== null && lb.networkId !== ep.networkId) continue;
    const ports = { from: lb.externalPort, to: lb.externalPort };
    if (lb.flags.dsr && lb.backendEndpointIds.includes(ep.id)) {
      for (const vip of lb.frontendVips) {
        const sfx = `${lb.id}_${vip}_${lb.externalPort}_${lb.protocol}`;
        const prov = derived(
          'load-balancer',
          lb.id,
          `DSR backend ${ep.name}`,
          'documented',
          R_NAT_BACKEND,
        );
        inn.push({
          name: `NAT_${sfx}`,
          priority: 100,
          type: 'nat',
          stateful: true,
          conditions: { dstPrefixes: [vip], dstPorts: [ports], protocols: [lb.protocol] },
          action: { kind: 'nat', side: 'destination', ip, port: lb.internalPort },
          provenance: prov,
        });
        out.push({
          name: `ALLOW_NAT_${sfx}`,
          priority: 100,
          type: 'allow',
          conditions: {
            srcPrefixes: [ip],
            srcPorts: [{ from: lb.internalPort, to: lb.internalPort }],
            protocols: [lb.protocol],
            dstPrefixes: [vip],
          },
          action: { kind: 'allow' },
          provenance: prov,
        });
      }
    } else if (!lb.flags.dsr && !lb.flags.localRoutedVip && lb.kind !== 'nodeport') {
      for (const vip of vipsOf(lb, mgmt)) {
        out.push({
          name: `LB_${lb.id}_${vip}_${lb.externalPort}_${lb.internalPort}_${lb.protocol}`,
          priority: 500,
          type: 'lbnat',
          stateful: true,
          conditions: { dstPrefixes: [vip], dstPorts: [ports], protocols: [lb.protocol] },
          action: {
            kind: 'lbnat',
            loadBalancerId: lb.id,
            backends: lbBackends(t, lb),
            distribution: lb.distribution,
            snatIp: lb.sourceVip,
          },
          provenance: derived(
            'load-balancer',
            lb.id,
            `non-DSR ${lb.kind} ${vip}: layer unconfirmed (domain.md §8.4)`,
            'inferred',
            'domain.md §1.6, §7 S3',
          ),
        });
      }
    }
  }
  for (const p of ep.policies) {
    if (p.type !== 'OutBoundNAT') continue;
    p.exceptions.forEach((prefix, i) =>
      out.push({
        name: `OUTBOUNDNAT_EXCEPTION_${prefix}`,
        priority: 1000 + i,
        type: 'allow',
        conditions: { dstPrefixes: [prefix] },
        action: { kind: 'allow' },
        provenance: derived(
          'endpoint-policy',
          ep.id,
          `OutBoundNAT ExceptionList ${prefix}`,
          'inferred',
          R_SNAT,
        ),
      }),
    );
    const snatIp = p.vip ?? mgmt;
    for (const [proto, prio] of [
      [6, 2000],
      [17, 2001],
    ] as const) {
      out.push({
        name: `SNAT_${protoName(proto)}_OUTBOUNDNAT_${ep.id}`,
        priority: prio,
        type: 'dynnat',
        stateful: true,
        conditions: { protocols: [proto], dstPrefixes: list(p.destinations) },
        action: { kind: 'dynnat', snatIp, portPool: { from: 49152, to: 65535 } },
        provenance: derived(
          'endpoint-policy',
          ep.id,
          `OutBoundNAT → ${snatIp} (pool inferred)`,
          'documented',
          R_SNAT,
        ),
      });
    }
  }
  const g = (dir: 'in' | 'out', rules: RuleSpec[]): GroupSpec => ({
    name: `SLB_GROUP_NAT_IPv4_${dir.toUpperCase()}`,
    direction: dir,
    priority: 100,
    rules,
    provenance: derived('endpoint', ep.id, 'OutBoundNAT and DSR backends', 'documented', R_SNAT),
  });
  return {
    name: 'SLB_NAT_LAYER',
    priority: 300,
    stateful: true,
    provenance: derived(
      'endpoint',
      ep.id,
      `OutBoundNAT, DSR backends; ${ORDER}`,
      'documented',
      R_SNAT,
    ),
    groups: [g('out', out), g('in', inn)],
  };
}

/** L2Bridge: PA route (LPM next hop) and MAC rewrite (container MAC ↔ host MAC). */
export function l2bridgeLayers(
  { node, ep, network }: PodPortContext,
  withPaRoute: boolean,
): LayerSpec[] {
  const prov = (d: string) => derived('network', network.id, d, 'inferred', R_ROUTE);
  const local = network.subnets.map((s) => s.addressPrefix);
  const layers: LayerSpec[] = [];
  if (withPaRoute) {
    const rules: RuleSpec[] = local.map((prefix) => ({
      name: `PA_ROUTE_LOCAL_${prefix}`,
      priority: 100,
      type: 'paroute',
      conditions: { dstPrefixes: [prefix] },
      action: { kind: 'paroute', nextHop: null },
      provenance: prov(`local subnet ${prefix}: bridged in the vSwitch`),
    }));
    const bridgeIfs = new Set(
      node.hostStack.interfaces.filter((i) => i.kind === 'bridge-endpoint').map((i) => i.name),
    );
    for (const r of node.hostStack.routes) {
      if (bridgeIfs.has(r.interface) || local.includes(r.prefix)) continue;
      rules.push({
        name: `PA_ROUTE_${r.prefix}`,
        priority: 100,
        type: 'paroute',
        conditions: { dstPrefixes: [r.prefix] },
        action: { kind: 'paroute', nextHop: r.nextHop },
        provenance: prov(`host route ${r.prefix} via ${r.nextHop ?? 'on-link'}`),
      });
    }
    layers.push({
      name: 'VNET_PA_ROUTE_LAYER',
      priority: 400,
      stateful: false,
      provenance: prov(`L2Bridge routing; ${ORDER}`),
      groups: [
        {
          name: 'VNET_GROUP_PA_ROUTE_IPV4_OUT',
          direction: 'out',
          priority: 100,
          matchType: 'lpm',
          rules,
          provenance: prov('host routes'),
        },
      ],
    });
  }
  const outRules: RuleSpec[] = [
    ...local.map((prefix) => ({
      name: `MAC_REWRITE_LOCAL_${prefix}`,
      priority: 10,
      type: 'allow' as const,
      conditions: { dstPrefixes: [prefix] },
      action: { kind: 'allow' as const },
      provenance: prov('local destination: no rewrite'),
    })),
    {
      name: 'MAC_REWRITE_OUT',
      priority: 100,
      type: 'transpose',
      conditions: ANY,
      action: { kind: 'transpose', srcMac: node.mac, dstMac: 'next-hop' },
      provenance: prov('source MAC → host MAC'),
    },
  ];
  const inRules: RuleSpec[] = ep.ipAddress
    ? [
        {
          name: `MAC_REWRITE_IN_${ep.ipAddress}`,
          priority: 100,
          type: 'transpose',
          conditions: { dstPrefixes: [ep.ipAddress] },
          action: { kind: 'transpose', srcMac: null, dstMac: ep.macAddress },
          provenance: prov('destination MAC → container MAC'),
        },
      ]
    : [];
  layers.push({
    name: 'VNET_MAC_REWRITE_LAYER',
    priority: 450,
    stateful: false,
    provenance: prov(`L2Bridge MAC rewrite; ${ORDER}`),
    groups: [
      {
        name: 'VNET_GROUP_MAC_REWRITE_IPV4_OUT',
        direction: 'out',
        priority: 100,
        rules: outRules,
        provenance: prov('group name inferred'),
      },
      {
        name: 'VNET_GROUP_MAC_REWRITE_IPV4_IN',
        direction: 'in',
        priority: 100,
        rules: inRules,
        provenance: prov('group name inferred'),
      },
    ],
  });
  return layers;
}

/** Overlay: LPM encap per RemoteSubnetRoute (VNI, PA, DR MAC); decap on the way in. */
export function encapLayer({ node, ep, network }: PodPortContext): LayerSpec {
  const prov = (d: string) => derived('network-policy', network.id, d, 'inferred', R_ENCAP);
  const pa = ep.policies.find((p) => p.type === 'PA');
  const outerSrc = pa?.type === 'PA' ? pa.providerAddress : mgmtIpOf(node, network);
  const vx = network.policies.find((p) => p.type === 'VxlanPort');
  const udpPort = vx?.type === 'VxlanPort' ? vx.port : 4789;
  const out: RuleSpec[] = network.subnets.map((s) => ({
    name: `LOCAL_${s.addressPrefix}`,
    priority: 100,
    type: 'allow',
    conditions: { dstPrefixes: [s.addressPrefix] },
    action: { kind: 'allow' },
    provenance: prov('local subnet: no encap'),
  }));
  for (const p of network.policies) {
    if (p.type !== 'RemoteSubnetRoute') continue;
    out.push({
      name: `ENCAP_${p.destinationPrefix}_${p.providerAddress}_${p.isolationId}`,
      priority: 100,
      type: 'encap',
      stateful: false,
      conditions: { dstPrefixes: [p.destinationPrefix] },
      action: {
        kind: 'encap',
        vni: p.isolationId,
        outerSrcIp: outerSrc,
        outerDstIp: p.providerAddress,
        udpPort,
        innerDstMac: p.drMac ?? network.drMac,
      },
      provenance: prov(
        `RemoteSubnetRoute ${p.destinationPrefix} → PA ${p.providerAddress}, VNI ${p.isolationId}`,
      ),
    });
  }
  const vsid = network.subnets.find((s) => s.vsid !== null)?.vsid ?? 4096;
  const inn: RuleSpec[] = ep.ipAddress
    ? [
        {
          name: `DECAP_${vsid}`,
          priority: 100,
          type: 'decap',
          conditions: { dstPrefixes: [ep.ipAddress] },
          action: { kind: 'decap', vni: vsid },
          provenance: prov(`VSID ${vsid} of the local subnet`),
        },
      ]
    : [];
  return {
    name: 'VNET_ENCAP_LAYER',
    priority: 500,
    stateful: false,
    provenance: prov(`Overlay encap; ${ORDER}`),
    groups: [
      {
        name: 'VNET_GROUP_ENCAP_IPV4_OUT',
        direction: 'out',
        priority: 100,
        matchType: 'lpm',
        rules: out,
        provenance: prov('RemoteSubnetRoute policies'),
      },
      {
        name: 'VNET_GROUP_ENCAP_IPV4_IN',
        direction: 'in',
        priority: 100,
        rules: inn,
        provenance: prov('group name inferred'),
      },
    ],
  };
}
