/**
 * A pod sends: its compartment's route table picks the endpoint (vNIC) the packet leaves by
 * (domain.md §3.2: in the old design the NAT NIC holds the default route and the cluster NIC
 * the cluster CIDR). A reply is routed the same way, by the replying pod's own routes, not by
 * the port the request came in on; where those differ the trace says so.
 */
import { cidrContains, formatIpv4 } from '../shared/ip';
import type { Endpoint, Pod } from '../model/types';
import { ipOf, podRoutes, type CPodRoute } from './compile';
import type { WalkCtx } from './context';
import type { Pkt } from './packet';
import type { Step } from './walk-types';

const R_TWO_NICS = 'domain.md §3.2 [S1][S9]';
const ASYMMETRIC =
  'A reply keeps its connection’s source address when the pod’s routes send it out of another NIC (weak-host send); the route table choice is documented, the rest is inferred.';

/** `pod` sends `p` (a reply when `arrivedOn` names the endpoint its request came in on). */
export function podSend(ctx: WalkCtx, pod: Pod, p: Pkt, arrivedOn: string | null): Step {
  const c = ctx.c;
  // Longest matching pod route (first wins on a tie).
  let best: CPodRoute | null = null;
  for (const r of podRoutes(c, pod)) {
    if (r.cidr && cidrContains(r.cidr, p.dst) && (!best || r.cidr.bits > best.cidr!.bits)) best = r;
  }
  const epId = best?.endpointId ?? pod.endpointIds[0];
  const ep = epId ? c.t.endpoints[epId] : undefined;
  if (!ep?.portId || !ep.ipAddress)
    return { end: { verdict: 'dropped', reason: `pod ${pod.name} has no endpoint with a port` } };
  // A request leaves with the address of its NIC; a reply keeps its connection's address.
  if (arrivedOn === null) p.src = ipOf(c, ep.ipAddress) ?? 0;
  p.srcMac = ep.macAddress;
  const node = c.nodes.get(pod.nodeId);
  const gw = ep.gatewayAddress ? ipOf(c, ep.gatewayAddress) : null;
  const peer = node?.endpointsByIp.get(p.dst);
  p.dstMac =
    peer && best?.prefix !== '0.0.0.0/0'
      ? peer.macAddress
      : gw !== null
        ? (node?.endpointsByIp.get(gw)?.macAddress ?? node?.node.mac ?? null)
        : null;
  const other = arrivedOn !== null && arrivedOn !== ep.id ? c.t.endpoints[arrivedOn] : undefined;
  if (other) ctx.rec.assume(ASYMMETRIC);
  ctx.rec.record(
    () => ({
      node: node?.node.name ?? null,
      component: 'port',
      name: c.t.ports[ep.portId!]?.friendlyName ?? ep.portId!,
      objectId: ep.portId,
      direction: 'out',
      action: 'send',
      why: [
        `pod ${pod.name}: route ${best?.prefix ?? '(first endpoint)'} → endpoint ${ep.name} (${ep.ipAddress})`,
        ...dnsWhy(pod, ep, p, arrivedOn),
        ...(other
          ? [
              `the request came in on ${other.name} (${other.ipAddress ?? '?'}), but the pod's routes send ${formatIpv4(p.dst)} out of ${ep.name}: the reply takes another NIC (the two-endpoint trap)`,
              `source stays ${formatIpv4(p.src)}, the address the connection was made to`,
            ]
          : []),
      ],
      confidence: other ? 'inferred' : 'documented',
      ref: pod.endpointIds.length > 1 ? R_TWO_NICS : 'domain.md §0 fact 4 [S1]',
      verify: ['route print -4 (inside the pod)', `Get-HnsEndpoint | ? Name -eq '${ep.name}'`],
    }),
    p,
    p,
  );
  return { next: { at: 'port', portId: ep.portId, dir: 'out' } };
}

/**
 * A DNS query (port 53) says whose search list makes the names it asks for: the endpoint's own
 * (new design: per-container DNS suffixes, the pod's resolver appends them) or, with none on
 * the endpoint, kube-proxy's DNS proxy (old design). domain.md §3.2, §7 S4, §7 S11.
 */
function dnsWhy(pod: Pod, ep: Endpoint, p: Pkt, arrivedOn: string | null): string[] {
  if (arrivedOn !== null || p.dport !== 53 || p.proto === 1) return [];
  const search = ep.dns?.search ?? [];
  const shared = (pod.containers?.length ?? 0) > 1 ? ', for every container of the pod' : '';
  return search.length > 0
    ? [
        `DNS: the pod's resolver appends the endpoint's search suffixes${shared}: ${search.join(', ')} (names with a dot are asked as they are)`,
      ]
    : [
        "DNS: the endpoint carries no search suffixes; names are sent as typed (in the old design kube-proxy's DNS proxy appends them)",
      ];
}
