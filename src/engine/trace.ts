/**
 * `traceFlow`: resolve the request, walk the packet (and its reply when asked) and assemble
 * a `Trace`. `traceVerdict` is the same walk without recording, for sweeps and benchmarks.
 */
import { cidrContains, parseCidr, parseIpv4 } from '../shared/ip';
import type { Topology } from '../model/types';
import { compileTopology, type CompiledTopology } from './compile';
import { createCtx, record, type WalkCtx } from './context';
import { reversePacket, toTracePacket, type Pkt } from './packet';
import { resolveSource, resolveTarget, type Source } from './resolve';
import { walk } from './walk';
import type { End, Loc } from './walk-types';
import type { LegResult, Trace, TraceRequest } from './types';

const PROTOS = { tcp: 6, udp: 17, icmp: 1 } as const;

function start(ctx: WalkCtx, src: Source, p: Pkt): Loc | End {
  const c = ctx.c;
  switch (src.kind) {
    case 'external':
      p.src = parseIpv4(src.external.ip) ?? 0;
      return { at: 'wire', fromNode: null };
    case 'host':
      return { at: 'host-send', nodeId: src.node.node.id };
    case 'pod': {
      const pod = src.pod;
      let best: { bits: number; endpointId: string; prefix: string } | null = null;
      for (const r of pod.routes) {
        const cidr = parseCidr(r.prefix);
        if (cidr && cidrContains(cidr, p.dst) && (!best || cidr.bits > best.bits))
          best = { bits: cidr.bits, endpointId: r.endpointId, prefix: r.prefix };
      }
      const epId = best?.endpointId ?? pod.endpointIds[0];
      const ep = epId ? c.t.endpoints[epId] : undefined;
      if (!ep?.portId || !ep.ipAddress)
        return { verdict: 'dropped', reason: `pod ${pod.name} has no endpoint with a port` };
      p.src = parseIpv4(ep.ipAddress) ?? 0;
      p.srcMac = ep.macAddress;
      const node = c.nodes.get(pod.nodeId);
      const gw = ep.gatewayAddress ? parseIpv4(ep.gatewayAddress) : null;
      const peer = node?.endpointsByIp.get(p.dst);
      p.dstMac =
        peer && best?.prefix !== '0.0.0.0/0'
          ? peer.macAddress
          : gw !== null
            ? (node?.endpointsByIp.get(gw)?.macAddress ?? node?.node.mac ?? null)
            : null;
      const port = c.t.ports[ep.portId];
      record(
        ctx,
        {
          node: node?.node.name ?? null,
          component: 'port',
          name: port?.friendlyName ?? ep.portId,
          objectId: ep.portId,
          direction: 'out',
          action: 'send',
          why: [
            `pod ${pod.name}: route ${best?.prefix ?? '(first endpoint)'} → endpoint ${ep.name} (${ep.ipAddress})`,
          ],
          confidence: 'documented',
          ref: pod.endpointIds.length > 1 ? 'domain.md §3.2 [S9]' : 'domain.md §0 fact 4 [S1]',
          verify: ['route print -4 (inside the pod)', `Get-HnsEndpoint | ? Name -eq '${ep.name}'`],
        },
        p,
        p,
      );
      return { at: 'port', portId: ep.portId, dir: 'out' };
    }
  }
}

function leg(ctx: WalkCtx, phase: 'request' | 'reply', end: End, p: Pkt): LegResult {
  return {
    phase,
    verdict: end.verdict,
    reason: end.reason,
    deliveredTo: end.verdict === 'delivered' ? end.to : null,
    final: toTracePacket(p),
  };
}

function run(
  c: CompiledTopology,
  req: TraceRequest,
  recordHops: boolean,
): { ctx: WalkCtx; legs: LegResult[]; initial: Pkt; final: Pkt } {
  const protoName = req.proto ?? 'tcp';
  const proto = PROTOS[protoName];
  const seed = req.seed ?? 1;
  const target = resolveTarget(c, req.to, proto);
  const src = resolveSource(c, req.from);
  const ctx = createCtx(c, seed, recordHops);
  for (const a of target.assumptions) ctx.assumptions.add(a);
  const p: Pkt = {
    src: 0,
    dst: target.ip,
    proto,
    sport: proto === 1 ? 0 : (req.srcPort ?? 50000),
    dport: proto === 1 ? 0 : target.port,
    srcMac: null,
    dstMac: null,
    outer: null,
  };
  const s = start(ctx, src, p);
  const initial = { ...p };
  const end = 'at' in s ? walk(ctx, s, p) : s;
  const legs = [leg(ctx, 'request', end, p)];
  if (req.reply && end.verdict === 'delivered') {
    ctx.phase = 'reply';
    const r = reversePacket(p);
    const rend = walk(ctx, end.replyFrom, r);
    legs.push(leg(ctx, 'reply', rend, r));
    return { ctx, legs, initial, final: r };
  }
  if (initial.src === 0) initial.src = p.src;
  return { ctx, legs, initial, final: p };
}

/**
 * Trace one packet (and its reply with `reply: true`) through `t`.
 * Throws `TraceInputError` for unknown names or malformed addresses.
 *
 * @example traceFlow(buildScenario('new-l2bridge'), { from: 'a1', to: '10.96.10.10:80', reply: true })
 */
export function traceFlow(t: Topology, req: TraceRequest): Trace {
  const c = compileTopology(t);
  const { ctx, legs, final } = run(c, req, true);
  const last = legs[legs.length - 1]!;
  const requestLeg = legs[0]!;
  return {
    format: 'hnsviz.trace/1',
    topology: t.id,
    request: {
      from: req.from,
      to: req.to,
      proto: req.proto ?? 'tcp',
      srcPort: req.srcPort ?? 50000,
      reply: req.reply ?? false,
      seed: req.seed ?? 1,
    },
    verdict: last.verdict,
    reason:
      req.reply && legs.length === 1
        ? `request ${requestLeg.verdict}: ${requestLeg.reason}`
        : last.reason,
    deliveredTo: last.deliveredTo,
    hops: ctx.hops ?? [],
    final: toTracePacket(final),
    legs,
    assumptions: [...ctx.assumptions],
  };
}

/** The verdict only (no hops recorded): for sweeps and benchmarks. */
export function traceVerdict(t: Topology, req: TraceRequest): 'delivered' | 'dropped' {
  const { legs } = run(compileTopology(t), req, false);
  return legs[legs.length - 1]!.verdict;
}
