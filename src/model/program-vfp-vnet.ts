/**
 * VFP layers of the virtual network on a pod's container port: L2Bridge PA route and MAC
 * rewrite, Overlay encap/decap (domain.md §1.5, §1.6, §2.3, §2.4). Rule lists that depend
 * only on the node and network are memoised per programVfp call and shared by its ports.
 */
import { ANY, derived, MODEL_NAME, type LayerSpec, type RuleSpec } from './vfp-builder';
import { memo, mgmtIpOf, steersToHost, type PodPortContext } from './program-vfp-pod';
import { VXLAN_UDP_PORT } from './port-ranges';

const ORDER = 'layer order: teaching model, domain.md §8.1 (not verified)';
const R_ROUTE = 'domain.md §1.5, §2.3 [S13][S28]';
const R_ENCAP = 'domain.md §1.6, §2.4 [S20][S19]';
const R_NEED_ENCAP = 'domain.md §2.3, §8.5 [S13]';

/** L2Bridge: PA route (LPM next hop) and MAC rewrite (container MAC ↔ host MAC). */
export function l2bridgeLayers(ctx: PodPortContext, withPaRoute: boolean): LayerSpec[] {
  const { node, ep, network } = ctx;
  const prov = (d: string) => derived('network', network.id, d, 'inferred', R_ROUTE);
  // No source shows these rule and group names: hnsviz names them (a model name).
  const named = (d: string) => derived('network', network.id, d, 'inferred', R_ROUTE, MODEL_NAME);
  const local = network.subnets.map((s) => s.addressPrefix);
  const layers: LayerSpec[] = [];
  // Without DSR the pods' ROUTE NeedEncap prefixes (the service CIDR) go to the host port, where
  // the load balancer is: the next hop is the host, so the frame is addressed to the host's MAC.
  const steered = steersToHost(node)
    ? ep.policies.flatMap((p) =>
        p.type === 'ROUTE' && p.needEncap && !local.includes(p.destinationPrefix)
          ? [p.destinationPrefix]
          : [],
      )
    : [];
  if (withPaRoute) {
    const rules = memo(ctx, `PA_ROUTE|${node.id}|${network.id}|${steered.join(',')}`, () => {
      const rules: RuleSpec[] = local.map((prefix) => ({
        name: `PA_ROUTE_LOCAL_${prefix}`,
        priority: 100,
        type: 'paroute',
        conditions: { dstPrefixes: [prefix] },
        action: { kind: 'paroute', nextHop: null },
        provenance: named(`local subnet ${prefix}: bridged in the vSwitch`),
      }));
      const host = mgmtIpOf(node, network);
      for (const prefix of steered)
        rules.push({
          name: `PA_ROUTE_${prefix}`,
          priority: 100,
          type: 'paroute',
          conditions: { dstPrefixes: [prefix] },
          action: { kind: 'paroute', nextHop: host },
          // Shared by the node's pod ports (same ROUTE policies): no one endpoint owns it.
          provenance: derived(
            'endpoint-policy',
            null,
            `ROUTE ${prefix} NeedEncap: to the host port (${host}), where the load balancer is`,
            'inferred',
            R_NEED_ENCAP,
            MODEL_NAME,
          ),
        });
      const bridgeIfs = new Set(
        node.hostStack.interfaces.filter((i) => i.kind === 'bridge-endpoint').map((i) => i.name),
      );
      for (const r of node.hostStack.routes) {
        if (bridgeIfs.has(r.interface) || local.includes(r.prefix) || steered.includes(r.prefix))
          continue;
        rules.push({
          name: `PA_ROUTE_${r.prefix}`,
          priority: 100,
          type: 'paroute',
          conditions: { dstPrefixes: [r.prefix] },
          action: { kind: 'paroute', nextHop: r.nextHop },
          provenance: named(`host route ${r.prefix} via ${r.nextHop ?? 'on-link'}`),
        });
      }
      return Object.freeze(rules);
    });
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
  const outRules = memo(ctx, `MAC_REWRITE|${node.id}|${network.id}`, () =>
    Object.freeze<RuleSpec[]>([
      ...local.map((prefix) => ({
        name: `MAC_REWRITE_LOCAL_${prefix}`,
        priority: 10,
        type: 'allow' as const,
        conditions: { dstPrefixes: [prefix] },
        action: { kind: 'allow' as const },
        provenance: named('local destination: no rewrite'),
      })),
      {
        name: 'MAC_REWRITE_OUT',
        priority: 100,
        type: 'transpose',
        conditions: ANY,
        action: { kind: 'transpose', srcMac: node.mac, dstMac: 'next-hop' },
        provenance: named('source MAC → host MAC'),
      },
    ]),
  );
  const inRules: RuleSpec[] = ep.ipAddress
    ? [
        {
          name: `MAC_REWRITE_IN_${ep.ipAddress}`,
          priority: 100,
          type: 'transpose',
          conditions: { dstPrefixes: [ep.ipAddress] },
          action: { kind: 'transpose', srcMac: null, dstMac: ep.macAddress },
          provenance: named('destination MAC → container MAC'),
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
        provenance: named('group name inferred'),
      },
      {
        name: 'VNET_GROUP_MAC_REWRITE_IPV4_IN',
        direction: 'in',
        priority: 100,
        rules: inRules,
        provenance: named('group name inferred'),
      },
    ],
  });
  return layers;
}

/** Overlay: LPM encap per RemoteSubnetRoute (VNI, PA, DR MAC); decap on the way in. */
export function encapLayer(ctx: PodPortContext): LayerSpec {
  const { node, ep, network } = ctx;
  const prov = (d: string) => derived('network-policy', network.id, d, 'inferred', R_ENCAP);
  const named = (d: string) =>
    derived('network-policy', network.id, d, 'inferred', R_ENCAP, MODEL_NAME);
  const pa = ep.policies.find((p) => p.type === 'PA');
  const outerSrc = pa?.type === 'PA' ? pa.providerAddress : mgmtIpOf(node, network);
  const vx = network.policies.find((p) => p.type === 'VxlanPort');
  const udpPort = vx?.type === 'VxlanPort' ? vx.port : VXLAN_UDP_PORT;
  const out = memo(ctx, `ENCAP|${node.id}|${network.id}|${outerSrc}|${udpPort}`, () => {
    const out: RuleSpec[] = network.subnets.map((s) => ({
      name: `LOCAL_${s.addressPrefix}`,
      priority: 100,
      type: 'allow',
      conditions: { dstPrefixes: [s.addressPrefix] },
      action: { kind: 'allow' },
      provenance: named('local subnet: no encap'),
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
        provenance: named(
          `RemoteSubnetRoute ${p.destinationPrefix} → PA ${p.providerAddress}, VNI ${p.isolationId}`,
        ),
      });
    }
    return Object.freeze(out);
  });
  const vsid = network.subnets.find((s) => s.vsid !== null)?.vsid ?? 4096;
  const inn: RuleSpec[] = ep.ipAddress
    ? [
        {
          name: `DECAP_${vsid}`,
          priority: 100,
          type: 'decap',
          conditions: { dstPrefixes: [ep.ipAddress] },
          action: { kind: 'decap', vni: vsid, innerDstMac: ep.macAddress },
          provenance: named(`VSID ${vsid} of the local subnet`),
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
        provenance: named('group name inferred'),
      },
    ],
  };
}
