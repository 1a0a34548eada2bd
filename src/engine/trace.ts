/**
 * `traceFlow`: resolve the request, walk the packet (and its reply when asked) and assemble
 * a `Trace`. `traceVerdict` is the same walk without recording, for sweeps and benchmarks.
 */
import { parseIpv4 } from '../shared/ip';
import type { Topology } from '../model/types';
import { compileTopology, type CompiledTopology } from './compile';
import { createCtx, toReply, type WalkCtx } from './context';
import type { Choice } from './choices';
import { reversePacket, toTracePacket, type Pkt } from './packet';
import { NO_RECORDER, TraceRecorder, type Recorder } from './recorder';
import { resolveSource, resolveTarget, type Source } from './resolve';
import { walk } from './walk';
import type { End, Loc } from './walk-types';
import type { LegResult, Trace, TraceRequest } from './types';

const PROTOS = { tcp: 6, udp: 17, icmp: 1 } as const;

/** Where the first packet starts (a pod starts by its route table, see pod.ts). */
function start(src: Source, p: Pkt): Loc {
  switch (src.kind) {
    case 'external':
      p.src = parseIpv4(src.external.ip) ?? 0;
      return { at: 'wire', fromNode: null };
    case 'host':
      return { at: 'host-send', nodeId: src.node.node.id };
    case 'pod':
      return { at: 'pod', pod: src.pod, arrivedOn: null };
  }
}

/**
 * The reply to `p`. A request that left the model encapsulated (`wire`) is answered the same
 * way: the peer wraps its reply towards the PA the request came from, with the same VNI.
 */
function replyTo(end: End, p: Pkt): Pkt {
  const r = reversePacket(p);
  if (end.verdict === 'delivered' && end.to.kind === 'wire' && p.outer)
    r.outer = {
      src: p.outer.dst,
      dst: p.outer.src,
      proto: p.outer.proto,
      dport: p.outer.dport,
      vni: p.outer.vni,
    };
  return r;
}

function leg(phase: 'request' | 'reply', end: End, p: Pkt): LegResult {
  return {
    phase,
    verdict: end.verdict,
    reason: end.reason,
    deliveredTo: end.verdict === 'delivered' ? end.to : null,
    final: toTracePacket(p),
  };
}

/** Resolve `req`, build the first packet and take it to its first location. */
function begin(c: CompiledTopology, req: TraceRequest, rec: Recorder, logChoices = false) {
  const proto = PROTOS[req.proto ?? 'tcp'];
  const target = resolveTarget(c, req.to, proto);
  const src = resolveSource(c, req.from);
  const ctx = createCtx(c, req.seed ?? 1, rec, logChoices);
  for (const a of target.assumptions) rec.assume(a);
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
  return { ctx, p, s: start(src, p) };
}

function run(
  c: CompiledTopology,
  req: TraceRequest,
  logChoices = false,
): { rec: TraceRecorder; ctx: WalkCtx; legs: LegResult[]; initial: Pkt; final: Pkt } {
  const rec = new TraceRecorder();
  const { ctx, p, s } = begin(c, req, rec, logChoices);
  const initial = { ...p };
  const end = walk(ctx, s, p);
  const legs = [leg('request', end, p)];
  if (req.reply && end.verdict === 'delivered') {
    toReply(ctx);
    const r = replyTo(end, p);
    const rend = walk(ctx, end.replyFrom, r);
    legs.push(leg('reply', rend, r));
    return { rec, ctx, legs, initial, final: r };
  }
  if (initial.src === 0) initial.src = p.src;
  return { rec, ctx, legs, initial, final: p };
}

/**
 * Trace one packet (and its reply with `reply: true`) through `t`.
 * Throws `TraceInputError` for unknown names or malformed addresses.
 *
 * @example traceFlow(buildScenario('new-l2bridge'), { from: 'a1', to: '10.96.10.10:80', reply: true })
 */
export function traceFlow(t: Topology, req: TraceRequest): Trace {
  return traceLogged(t, req, false).trace;
}

/**
 * `traceFlow`, also returning the hash-based choices the walk made (backend picks, pool
 * ports) when `logChoices` is set: the reachability matrix replays them for other sources.
 */
export function traceLogged(
  t: Topology,
  req: TraceRequest,
  logChoices: boolean,
): { trace: Trace; choices: readonly Choice[] } {
  const c = compileTopology(t);
  const { rec, ctx, legs, final } = run(c, req, logChoices);
  const last = legs[legs.length - 1]!;
  const requestLeg = legs[0]!;
  const trace: Trace = {
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
    hops: rec.hops,
    final: toTracePacket(final),
    legs,
    assumptions: [...rec.assumptions],
  };
  return { trace, choices: ctx.choices ?? [] };
}

/**
 * The verdict only, for sweeps and benchmarks: the same walk as `traceFlow` (same code, same
 * state machine), with recording off — no hops, why/verify strings, legs or packet copies.
 */
export function traceVerdict(t: Topology, req: TraceRequest): 'delivered' | 'dropped' {
  const { ctx, p, s } = begin(compileTopology(t), req, NO_RECORDER);
  const end = walk(ctx, s, p);
  if (!req.reply || end.verdict !== 'delivered') return end.verdict;
  toReply(ctx);
  return walk(ctx, end.replyFrom, replyTo(end, p)).verdict;
}
