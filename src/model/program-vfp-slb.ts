/**
 * SLB_NAT_LAYER on a pod's container port (domain.md §1.5, §1.6, §7 S3): backend-side NAT_ /
 * ALLOW_NAT_ rules for DSR load balancers, non-DSR VIPs, OutBoundNAT exceptions and SNAT.
 */
import {
  derived,
  MODEL_NAME,
  protoName,
  type GroupSpec,
  type LayerSpec,
  type RuleSpec,
} from './vfp-builder';
import {
  lbBackends,
  lbOnHostPort,
  list,
  memo,
  mgmtIpOf,
  nodeIpEvidence,
  vipsOf,
  type PodPortContext,
} from './program-vfp-pod';
import { DYNAMIC_PORTS } from './port-ranges';
import type { LoadBalancer } from './types';

const ORDER = 'layer order: teaching model, domain.md §8.1 (not verified)';
const R_SNAT = 'domain.md §1.5, §1.6 [S12][S21]';
const R_NAT_BACKEND = 'domain.md §1.5, §7 S3 [S12]';

/** SLB_NAT_LAYER: backend-side NAT_/ALLOW_NAT_ rules, non-DSR VIPs, OutBoundNAT exceptions and SNAT. */
export function slbNatLayer(ctx: PodPortContext): LayerSpec {
  const { node, ep, network } = ctx;
  const out: RuleSpec[] = [];
  const inn: RuleSpec[] = [];
  const mgmt = mgmtIpOf(node, network);
  const ip = ep.ipAddress ?? '0.0.0.0';
  const { byBackend, nonDsr } = slbNatShared(ctx, mgmt);
  for (const lb of byBackend.get(ep.id) ?? []) {
    const ports = { from: lb.externalPort, to: lb.externalPort };
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
          MODEL_NAME,
        ),
      }),
    );
    const evidence = p.vip ? null : nodeIpEvidence(node, network, ep);
    const snatIp = p.vip ?? evidence?.ip ?? mgmt;
    const unsure = evidence !== null && !evidence.sure;
    const assumption = !unsure
      ? undefined
      : evidence.placeholder
        ? `OutBoundNAT SNATs to the node IP, which the dump does not give (no ManagementIP, PA or host interface): the placeholder ${snatIp} (TEST-NET-1) stands in for it.`
        : `The node IP is not in the dump: OutBoundNAT SNATs to ${snatIp}, taken from ${evidence.from}.`;
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
        action: { kind: 'dynnat', snatIp, portPool: DYNAMIC_PORTS },
        provenance: derived(
          'endpoint-policy',
          ep.id,
          `OutBoundNAT → ${snatIp} (pool inferred${unsure ? `, node IP from ${evidence.from}` : ''})`,
          unsure ? 'inferred' : 'documented',
          R_SNAT,
          assumption ? { assumption } : undefined,
        ),
      });
    }
  }
  const g = (dir: 'in' | 'out', rules: RuleSpec[], shared?: readonly RuleSpec[]): GroupSpec => ({
    name: `SLB_GROUP_NAT_IPv4_${dir.toUpperCase()}`,
    direction: dir,
    priority: 100,
    rules,
    shared,
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
    groups: [g('out', out, nonDsr), g('in', inn)],
  };
}

/**
 * What SLB_NAT needs from the node's load balancers, once per node and network: the DSR
 * load balancers of each backend endpoint (in id order) and the non-DSR VIP rules, which are
 * the same on every pod port.
 */
function slbNatShared(
  ctx: PodPortContext,
  mgmt: string,
): { byBackend: Map<string, LoadBalancer[]>; nonDsr: readonly RuleSpec[] } {
  const { t, node, ep, lbs } = ctx;
  return memo(ctx, `SLB_NAT|${node.id}|${ep.networkId}|${mgmt}`, () => {
    const byBackend = new Map<string, LoadBalancer[]>();
    const nonDsr: RuleSpec[] = [];
    for (const lb of lbs) {
      if (lb.networkId !== null && lb.networkId !== ep.networkId) continue;
      if (lb.flags.dsr) {
        for (const id of new Set(lb.backendEndpointIds)) {
          const list = byBackend.get(id);
          if (list) list.push(lb);
          else byBackend.set(id, [lb]);
        }
      } else if (!lb.flags.localRoutedVip && lb.kind !== 'nodeport' && !lbOnHostPort(node, lb)) {
        const ports = { from: lb.externalPort, to: lb.externalPort };
        const backends = lbBackends(t, lb);
        for (const vip of vipsOf(lb, mgmt)) {
          nonDsr.push({
            name: `LB_${lb.id}_${vip}_${lb.externalPort}_${lb.internalPort}_${lb.protocol}`,
            priority: 500,
            type: 'lbnat',
            stateful: true,
            conditions: { dstPrefixes: [vip], dstPorts: [ports], protocols: [lb.protocol] },
            action: {
              kind: 'lbnat',
              loadBalancerId: lb.id,
              backends,
              distribution: lb.distribution,
              snatIp: lb.sourceVip,
            },
            provenance: derived(
              'load-balancer',
              lb.id,
              `non-DSR ${lb.kind} ${vip}: layer unconfirmed (domain.md §8.4)`,
              'inferred',
              'domain.md §1.6, §7 S3',
              MODEL_NAME,
            ),
          });
        }
      }
    }
    return { byBackend, nonDsr: Object.freeze(nonDsr) };
  });
}
