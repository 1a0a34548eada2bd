/**
 * Hairpin: a pod reaches itself through a Service (domain.md §7 S12). After the load
 * balancer's rewrite the destination is the sending port's own endpoint, so the vSwitch has
 * no other port to forward to. The packet never leaves the node: VFP either turns it round on
 * the same port with a source NAT (so the pod does not answer itself directly and the reply
 * is un-NATed), or drops it at the port where the design does not support it.
 */
import { formatIpv4 } from '../shared/ip';
import { DYNAMIC_PORTS, rangeSize } from '../model/port-ranges';
import type { CNode } from './compile';
import { ipOf } from './compile';
import { adoptFlowTuple, getFlow, setReplyFlow, type WalkCtx } from './context';
import { hash5, type Pkt } from './packet';
import { PKTMON_DROPS } from './verify';
import type { Step } from './walk-types';

const R_HAIRPIN = 'domain.md §7 S12 [hcsshim#1511][community#8890][antrea#4486]';
const R_NO_HAIRPIN = 'domain.md §7 S12 [hcsshim#1511]';
const scope = (portId: string) => `hairpin:${portId}`;

/**
 * The source MAC of a frame VFP turns round: that of the address the hairpin SNATs to (the
 * source VIP endpoint, else the node), never the pod's own.
 */
function turnedMac(ctx: WalkCtx, cn: CNode): string | null {
  const snat = ipOf(ctx.c, cn.node.kubeProxy?.sourceVip ?? cn.node.managementIp ?? '');
  return (snat !== null ? cn.endpointsByIp.get(snat)?.macAddress : null) ?? cn.node.mac;
}

/**
 * Where a hairpinned packet (or the reply to one) goes, or null when `p` is not one.
 * Supported (inferred): kube-proxy has a source VIP (overlay) or load-balances without DSR;
 * the packet is SNATed to the source VIP, else the node IP, from the NAT pool. Not supported
 * (observed on L2Bridge with DSR, hcsshim#1511): dropped at the port.
 */
export function hairpin(ctx: WalkCtx, cn: CNode, portId: string, p: Pkt): Step | null {
  const port = ctx.c.t.ports[portId];
  const where = {
    node: cn.node.name,
    component: 'port' as const,
    name: port?.friendlyName ?? portId,
    objectId: portId,
    direction: 'out' as const,
  };
  const back: Step = { next: { at: 'port', portId, dir: 'in' } };
  // The reply of a hairpinned connection: undo the hairpin SNAT, back into the same port.
  const flow = ctx.flowScopes.length > 0 ? getFlow(ctx, scope(portId), p) : undefined;
  if (flow) {
    const before = ctx.rec.snap(p);
    adoptFlowTuple(p, flow);
    p.srcMac = turnedMac(ctx, cn) ?? p.srcMac;
    ctx.rec.hop(
      where,
      () => ({
        action: 'hairpin',
        why: [
          'reply of a hairpinned connection: the hairpin SNAT is undone',
          'turned round on the same port, back to the client (mechanics inferred)',
        ],
        confidence: 'inferred',
        ref: R_HAIRPIN,
        verify: [`vfpctrl /port ${port?.name ?? portId} /list-unified-flow`],
      }),
      before,
      p,
    );
    return back;
  }
  const ep = cn.endpointsByIp.get(p.dst);
  if (!ep || ep.portId !== portId) return null;
  const kp = cn.node.kubeProxy;
  const supported = kp?.mode === 'kernelspace' && (kp.sourceVip !== null || !kp.enableDsr);
  if (!supported) {
    ctx.rec.hop(
      where,
      () => ({
        action: 'drop',
        why: [
          `the load balancer chose ${formatIpv4(p.dst)}, the sending endpoint itself: no other port to forward to`,
          'hairpin to the sending endpoint is not supported here (reported on L2Bridge with DSR, no plan to support)',
        ],
        confidence: 'observed',
        ref: R_NO_HAIRPIN,
        verify: [PKTMON_DROPS, `vfpctrl /port ${port?.name ?? portId} /list-unified-flow`],
      }),
      p,
      p,
    );
    return {
      end: {
        verdict: 'dropped',
        reason: `hairpin to the sending endpoint ${ep.name} (${formatIpv4(p.dst)}): not supported on ${cn.node.name} (known limit)`,
      },
    };
  }
  const before = ctx.rec.snap(p);
  // Already SNATed by the load balancer (non-DSR with a source VIP): only turned round.
  if (p.src === p.dst) {
    const snatText = kp.sourceVip ?? cn.node.managementIp ?? '';
    const snat = ipOf(ctx.c, snatText);
    if (snat === null) return null;
    const orig = { src: p.src, sport: p.sport };
    p.src = snat;
    p.sport =
      DYNAMIC_PORTS.from +
      (hash5(ctx.seed ^ 0x4a4a, p.proto, orig.src, orig.sport, p.dst, p.dport) %
        rangeSize(DYNAMIC_PORTS));
    setReplyFlow(ctx, scope(portId), p, {
      src: p.dst,
      dst: orig.src,
      sport: p.dport,
      dport: orig.sport,
      rule: 'hairpin SNAT',
      ruleId: null,
      nameSource: null,
      layer: null,
      note: '',
    });
  }
  const snatted = p.src !== before.src || p.sport !== before.sport;
  p.srcMac = turnedMac(ctx, cn) ?? p.srcMac;
  ctx.rec.hop(
    where,
    () => ({
      action: 'hairpin',
      why: [
        `the load balancer chose ${formatIpv4(p.dst)}, the sending endpoint itself`,
        snatted
          ? `source NAT to ${formatIpv4(p.src)}:${p.sport} (${kp.sourceVip ? 'source VIP' : 'node IP'}), so the pod does not answer itself directly`
          : ctx.phase === 'reply'
            ? 'the reply, already un-NATed by the flow on this port'
            : 'already source-NATed by the load balancer',
        'turned round on the same port; the packet never leaves the node (mechanics inferred)',
      ],
      confidence: 'inferred',
      ref: R_HAIRPIN,
      verify: [`vfpctrl /port ${port?.name ?? portId} /list-unified-flow`],
    }),
    before,
    p,
  );
  return back;
}
