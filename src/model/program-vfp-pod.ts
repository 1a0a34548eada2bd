/**
 * VFP layers HNS programs on a pod's container port (domain.md §1.5, §1.6, §4, §5): ACL and
 * LB_DSR here, SLB_NAT in `program-vfp-slb.ts`, the virtual-network layers in `program-vfp-vnet.ts`.
 * Layer order is the teaching order of domain.md §8.1 (out: ACL → LB_DSR → SLB_NAT →
 * PA_ROUTE/MAC_REWRITE → ENCAP; in = reverse), which is not verified.
 */
import { LOWEST_PRIORITY } from './port-ranges';
import { derived, MODEL_NAME, type GroupSpec, type LayerSpec, type RuleSpec } from './vfp-builder';
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

type Acl = Extract<EndpointPolicy, { type: 'ACL' }>;

/** What every pod-port builder needs to know. */
export interface PodPortContext {
  readonly t: Topology;
  readonly node: Node;
  readonly ep: Endpoint;
  readonly network: Network;
  /** The node's load balancers, in id order. */
  readonly lbs: readonly LoadBalancer[];
  /** Per-`programVfp`-call cache of what many ports share (see `memo`). */
  readonly memo: Map<string, unknown>;
}

/**
 * `make()` once per `key` and programVfp call. Rule lists that only depend on the node and
 * the network (LB_DSR: one rule per frontend on every pod port) are built once and frozen,
 * so the builder prepares them once too: O(rules) work instead of O(ports × LBs) specs.
 */
export function memo<T>(ctx: PodPortContext, key: string, make: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const v = make();
  ctx.memo.set(key, v);
  return v;
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

/**
 * True when `node`'s kube-proxy load-balances without DSR (1709/1803, or WS2019 without DSR): pods' ROUTE
 * NeedEncap policies steer service traffic to the host port, whose SLB_LB_LAYER DNATs it
 * (domain.md §2.3, §8.5: NeedEncap semantics inferred). Dumps do not say, so never for them.
 */
export function lbOnHostPort(node: Node, lb: LoadBalancer): boolean {
  return steersToHost(node) && !lb.flags.dsr && lb.kind === 'clusterip';
}

/** `node`'s pods send their ROUTE NeedEncap prefixes to the host port (see `lbOnHostPort`). */
export function steersToHost(node: Node): boolean {
  const kp = node.kubeProxy;
  // A dump's kube-proxy is inferred from its load balancers (no flags): keep the pod-port model.
  return kp?.mode === 'kernelspace' && !kp.provenance.derived && !kp.enableDsr;
}

/** The address HNS puts in the `<nodeMgmtIP>` slot of LB rule names. */
export function mgmtIpOf(node: Node, network: Network | undefined): string {
  return network?.managementIp ?? node.managementIp ?? '0.0.0.0';
}

/**
 * Stands for the node IP where nothing in the topology gives it (a dump without ManagementIP,
 * PA or host interfaces): TEST-NET-1 (RFC 5737), never a real node's address. Rules that use
 * it say so in their provenance, and the engine notes it in `trace.assumptions`.
 */
export const NODE_IP_PLACEHOLDER = '192.0.2.1';

/** The node IP an endpoint's traffic is SNATed to, and what says so (best evidence first). */
export function nodeIpEvidence(
  node: Node,
  network: Network | undefined,
  ep: Endpoint | undefined,
): {
  readonly ip: string;
  readonly from: string;
  readonly sure: boolean;
  /** `ip` is `NODE_IP_PLACEHOLDER`: nothing gave the node IP. */
  readonly placeholder: boolean;
} {
  if (network?.managementIp)
    return {
      ip: network.managementIp,
      from: `network ${network.name} ManagementIP`,
      sure: true,
      placeholder: false,
    };
  if (node.managementIp)
    return { ip: node.managementIp, from: 'node IP', sure: true, placeholder: false };
  const pa = ep?.policies.find((p) => p.type === 'PA');
  if (pa?.type === 'PA' && pa.providerAddress)
    return {
      ip: pa.providerAddress,
      from: "the endpoint's PA policy",
      sure: false,
      placeholder: false,
    };
  const vnic =
    node.hostStack.interfaces.find((i) => i.kind === 'management-vnic' && i.ips.length > 0) ??
    node.hostStack.interfaces.find((i) => i.kind !== 'source-vip' && i.ips.length > 0);
  if (vnic?.ips[0])
    return {
      ip: vnic.ips[0],
      from: `host interface ${vnic.name}`,
      sure: false,
      placeholder: false,
    };
  return {
    ip: NODE_IP_PLACEHOLDER,
    from: `placeholder ${NODE_IP_PLACEHOLDER}: the node IP is not in the dump`,
    sure: false,
    placeholder: true,
  };
}

/** The VIPs of a frontend; a NodePort's VIP slot is the node IP (domain.md §1.5). */
export function vipsOf(lb: LoadBalancer, mgmtIp: string): readonly string[] {
  return lb.frontendVips.length > 0 ? lb.frontendVips : [mgmtIp];
}

/** The list, or null ("any") when it is empty. */
export function list<T>(xs: readonly T[]): readonly T[] | null {
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
        priority: LOWEST_PRIORITY,
        type: 'block',
        terminating: true,
        action: { kind: 'block' },
        provenance: derived(
          'hns',
          ep.id,
          'default deny once any ACL covers a direction',
          'observed',
          'domain.md §0 fact 8, §5.2 [S30]',
          MODEL_NAME,
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

/**
 * Whether the pod port has an LB_DSR layer at all. Only DSR load balancers produce it
 * (domain.md §1.5: "kube-proxy LoadBalancer with DSR flag"; kube-proxy winkernel sets the DSR
 * flag only with `--enable-dsr`). Without DSR (1709/1803, WS2019 without `--enable-dsr`)
 * nothing programs it, so the port is drawn and listed without it rather than with an empty
 * layer; what a non-DSR pod port really carries is unconfirmed (§8.4).
 */
export function hasLbDsrLayer({ node, ep, lbs }: PodPortContext): boolean {
  const kp = node.kubeProxy;
  if (kp?.mode === 'kernelspace' && kp.enableDsr) return true;
  return lbs.some((lb) => lb.flags.dsr && (lb.networkId === null || lb.networkId === ep.networkId));
}

/** LB_DSR: one lbnat rule per DSR frontend on the endpoint's network (every local pod port). */
export function lbDsrLayer(ctx: PodPortContext): LayerSpec {
  const { t, node, ep, network, lbs } = ctx;
  const mgmt = mgmtIpOf(node, network);
  const rules = memo(ctx, `LB_DSR|${node.id}|${ep.networkId}|${mgmt}`, () => {
    const list: RuleSpec[] = [];
    for (const lb of lbs) {
      if (!lb.flags.dsr || (lb.networkId !== null && lb.networkId !== ep.networkId)) continue;
      const backends = lbBackends(t, lb);
      for (const vip of vipsOf(lb, mgmt)) {
        list.push({
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
            backends,
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
    return Object.freeze(list);
  });
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
