/**
 * VFP layers HNS programs on the host vNIC port for kube-proxy winkernel load balancers
 * (domain.md §1.5 "Host vNIC port", §4.1, §7 S6–S8).
 */
import { derived, MODEL_NAME, type LayerSpec, type RuleSpec } from './vfp-builder';
import { lbBackends, lbOnHostPort, mgmtIpOf, vipsOf } from './program-vfp-pod';
import type { LoadBalancer, Node, Topology } from './types';

const R_HOST = 'domain.md §1.5 [S12]';
const R_NODEPORT = 'domain.md §4.1, §7 S6 [S4][S7]';
const R_SOURCE_VIP = 'domain.md §1.6, §2.4, §4.2 [S4][S13]';
const R_STEERED = 'domain.md §1.6, §2.3, §3.3, §8.4, §8.5 [S1][S3][S13]';

/** LB, SLB_LB_LAYER and SLB_HAIRPIN_LAYER for the management host vNIC port of `node`. */
export function hostPortLayers(t: Topology, node: Node, lbs: readonly LoadBalancer[]): LayerSpec[] {
  const hostOut: RuleSpec[] = [];
  const slbOut: RuleSpec[] = [];
  const slbIn: RuleSpec[] = [];
  const hairpin: RuleSpec[] = [];
  const mgmt = mgmtIpOf(node, undefined);
  for (const lb of lbs) {
    const backends = lbBackends(t, lb);
    const hasRemote = lb.backendEndpointIds.some((id) => t.endpoints[id]?.isRemote === true);
    const local = backends.filter(
      (b) => b.endpointId !== null && t.endpoints[b.endpointId]?.isRemote === false,
    );
    const ports = [{ from: lb.externalPort, to: lb.externalPort }];
    const action = (snatIp: string | null) =>
      ({
        kind: 'lbnat',
        loadBalancerId: lb.id,
        backends,
        distribution: lb.distribution,
        snatIp,
      }) as const;
    for (const vip of vipsOf(lb, mgmt)) {
      const cond = { dstPrefixes: [vip], dstPorts: ports, protocols: [lb.protocol] };
      const tail = `${lb.id}_${vip}_${lb.externalPort}_${lb.internalPort}_${lb.protocol}`;
      const steered = lbOnHostPort(node, lb);
      if (steered) {
        // Pod → ClusterIP without DSR: ROUTE NeedEncap brings it from the switch (domain.md §8.5).
        slbIn.push({
          name: `LB_${tail}`,
          priority: 100,
          type: 'lbnat',
          stateful: true,
          conditions: cond,
          action: action(lb.sourceVip ?? mgmt),
          provenance: derived(
            'load-balancer',
            lb.id,
            `ClusterIP ${vip}:${lb.externalPort} without DSR, steered here by the pods' ROUTE NeedEncap; SNAT → ${lb.sourceVip ?? mgmt}${lb.sourceVip && lb.sourceVip !== mgmt ? ' (the source VIP: overlay)' : ''}`,
            'inferred',
            lb.sourceVip && lb.sourceVip !== mgmt ? `${R_STEERED}; ${R_SOURCE_VIP}` : R_STEERED,
          ),
        });
      }
      if (lb.kind === 'nodeport' || lb.kind === 'externalip' || lb.flags.localRoutedVip) {
        // Traffic arriving from the switch for a NodePort / externalIP (LocalRoutedVIP).
        // ETP=Local needs DSR and keeps the client IP; otherwise SNAT to the node IP or SourceVIP.
        const snat = lb.flags.dsr ? null : (lb.sourceVip ?? mgmt);
        slbIn.push({
          name: `LB_${tail}`,
          priority: 100,
          type: 'lbnat',
          stateful: true,
          conditions: cond,
          action: action(snat),
          provenance: derived(
            'load-balancer',
            lb.id,
            `${lb.kind} ${vip}:${lb.externalPort}${snat ? `, SNAT → ${snat}` : ', client IP kept (DSR)'}; IN group name inferred`,
            'inferred',
            R_NODEPORT,
          ),
        });
      } else if (hasRemote) {
        hostOut.push({
          name: `LB_HOST_${tail}`,
          priority: 100,
          type: 'lbnat',
          stateful: true,
          conditions: cond,
          action: action(lb.sourceVip),
          provenance: derived(
            'load-balancer',
            lb.id,
            `host → ${lb.kind} ${vip} with remote backends`,
            'documented',
            R_HOST,
          ),
        });
      } else {
        const name =
          backends.length === 1
            ? `NAT_${lb.id}_${vip}_${lb.externalPort}_${lb.externalPort}_${lb.protocol}`
            : `LB_${tail}`;
        slbOut.push({
          name,
          priority: 100,
          type: 'lbnat',
          stateful: true,
          conditions: cond,
          action: action(lb.sourceVip),
          provenance: derived(
            'load-balancer',
            lb.id,
            `host → ${lb.kind} ${vip}, local backends`,
            'documented',
            R_HOST,
          ),
        });
      }
      if (local.length > 0) {
        hairpin.push({
          name: `HairPin_${lb.id}_${vip}_${lb.externalPort}_${lb.externalPort}_${lb.protocol}`,
          priority: 100,
          type: 'allow',
          conditions: {
            srcPrefixes: local.map((b) => b.ip),
            srcPorts: [{ from: lb.internalPort, to: lb.internalPort }],
            protocols: [lb.protocol],
          },
          action: { kind: 'allow' },
          provenance: derived(
            'load-balancer',
            lb.id,
            'return path when the chosen backend is local (mechanics inferred)',
            'documented',
            R_HOST,
          ),
        });
      }
    }
  }
  const p = (d: string) => derived('kube-proxy', null, d, 'documented', R_HOST);
  return [
    {
      name: 'LB',
      priority: 100,
      stateful: true,
      provenance: p('host → VIP with remote backends'),
      groups: [
        {
          name: 'LB_OUT',
          direction: 'out',
          priority: 100,
          rules: hostOut,
          provenance: p('LB_HOST_ rules'),
        },
      ],
    },
    {
      name: 'SLB_LB_LAYER',
      priority: 200,
      stateful: true,
      provenance: p('host → VIP local backends; NodePort/externalIP'),
      groups: [
        {
          name: 'SLB_GROUP_LB_IPv4_OUT',
          direction: 'out',
          priority: 100,
          rules: slbOut,
          provenance: p('host → local backends'),
        },
        {
          name: 'SLB_GROUP_LB_IPv4_IN',
          direction: 'in',
          priority: 100,
          rules: slbIn,
          // §1.5 documents only OUT groups on the host port: this IN group's name is hnsviz's.
          provenance: derived(
            'kube-proxy',
            null,
            'NodePort / externalIP from the switch; no source names an IN group (model name)',
            'inferred',
            R_NODEPORT,
            MODEL_NAME,
          ),
        },
      ],
    },
    {
      name: 'SLB_HAIRPIN_LAYER',
      priority: 300,
      stateful: true,
      provenance: p('hairpin when the backend is local'),
      groups: [
        {
          name: 'SLB_GROUP_HAIRPIN_IPv4_IN',
          direction: 'in',
          priority: 100,
          rules: hairpin,
          provenance: p('HairPin_ rules'),
        },
      ],
    },
  ];
}
