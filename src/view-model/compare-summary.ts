/**
 * The compare view's summary: what the same packet costs in each design (pure).
 * Rows: endpoints per pod, hops, NAT points, user-space transitions, connections, client IP
 * preserved, policy can filter it.
 */
import { isUserSpaceAction, opensConnection } from '../engine/hop-action';
import type { Hop, Trace } from '../engine/types';
import type { Topology } from '../model/types';
import { traceEvents, type Verbosity } from './trace-events';
import { deciderText, placeText } from './trace-format';
import { maxOf } from '../shared/arrays';

export interface DesignSummary {
  readonly verdict: Trace['verdict'];
  /** The verdict, with the reason when the packet did not arrive. */
  readonly outcome: string;
  /** Most endpoints any pod has (1 in the new design, 2 in the old). */
  readonly endpointsPerPod: number | null;
  /** Places the request visits (hop-level events of the request leg). */
  readonly hops: number;
  /** Where the request's addresses or ports are rewritten. */
  readonly natPoints: readonly string[];
  /** Hops through a user-space process (kube-proxy), both legs. */
  readonly userSpace: number;
  /** TCP/UDP connections the client's request becomes. */
  readonly connections: number;
  readonly clientIpPreserved: boolean;
  /** An ACL on the destination port sees the real client address. */
  readonly policyCanFilter: boolean;
}

export interface SummaryRow {
  readonly key: keyof Omit<DesignSummary, 'verdict'>;
  readonly label: string;
  readonly left: string;
  readonly right: string;
  readonly differs: boolean;
}

const natPlace = (h: Hop): string =>
  h.layer
    ? `${h.layer} on ${h.name}`
    : h.component === 'kube-proxy'
      ? 'kube-proxy (user space)'
      : h.name;

const rewritesAddress = (h: Hop): boolean =>
  h.before.srcIp !== h.after.srcIp ||
  h.before.srcPort !== h.after.srcPort ||
  h.before.dstIp !== h.after.dstIp ||
  h.before.dstPort !== h.after.dstPort;

/** Summarise one design's trace of the request. */
export function summarizeTrace(trace: Trace, topology: Topology | null): DesignSummary {
  const request = trace.hops.filter((h) => h.phase === 'request');
  const first = request[0];
  const last = request[request.length - 1];
  const clientIp = first?.before.srcIp ?? null;
  const destPort = last?.component === 'port' ? last.objectId : null;
  const pods = topology ? Object.values(topology.pods) : [];
  const failed = trace.legs.find((l) => l.verdict !== 'delivered');
  return {
    verdict: trace.verdict,
    outcome: failed ? `${failed.verdict}: ${failed.reason}` : trace.verdict,
    endpointsPerPod: pods.length > 0 ? maxOf(pods.map((p) => p.endpointIds.length)) : null,
    hops: traceEvents(trace, 'hops').filter((e) => e.hop.phase === 'request').length,
    natPoints: [...new Set(request.filter(rewritesAddress).map(natPlace))],
    userSpace: trace.hops.filter((h) => isUserSpaceAction(h.action)).length,
    connections: 1 + request.filter((h) => opensConnection(h.action)).length,
    clientIpPreserved: last !== undefined && last.after.srcIp === clientIp,
    policyCanFilter:
      destPort !== null &&
      request.some(
        (h) =>
          h.objectId === destPort &&
          h.layer === 'ACL_ENDPOINT_LAYER' &&
          h.before.srcIp === clientIp,
      ),
  };
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** Side-by-side rows, each marked when the designs differ. */
export function compareRows(left: DesignSummary, right: DesignSummary): SummaryRow[] {
  const rows: [SummaryRow['key'], string, (d: DesignSummary) => string][] = [
    ['outcome', 'Outcome', (d) => d.outcome],
    ['endpointsPerPod', 'Endpoints per pod', (d) => String(d.endpointsPerPod ?? '—')],
    ['hops', 'Hops (request)', (d) => String(d.hops)],
    ['natPoints', 'NAT points', (d) => (d.natPoints.length ? d.natPoints.join(', ') : 'none')],
    ['userSpace', 'User-space transitions', (d) => String(d.userSpace)],
    ['connections', 'Connections', (d) => String(d.connections)],
    ['clientIpPreserved', 'Client IP preserved', (d) => yesNo(d.clientIpPreserved)],
    ['policyCanFilter', 'Policy can filter it', (d) => yesNo(d.policyCanFilter)],
  ];
  return rows.map(([key, label, f]) => {
    const l = f(left);
    const r = f(right);
    return { key, label, left: l, right: r, differs: l !== r };
  });
}

/**
 * Where two traces of one request first go different ways, at a level of detail (hops by
 * default; the compare view's own, so the index is its lockstep row), or null if nowhere.
 */
export interface PartingPoint {
  /** Index of the first differing event at that level (same on both sides). */
  readonly index: number;
  readonly left: string | null;
  readonly right: string | null;
}

export function partingPoint(
  left: Trace,
  right: Trace,
  verbosity: Verbosity = 'hops',
): PartingPoint | null {
  const a = traceEvents(left, verbosity);
  const b = traceEvents(right, verbosity);
  const text = (i: number, evs: typeof a): string | null => {
    const ev = evs[i];
    return ev ? `${placeText(ev)} · ${deciderText(ev)} → ${ev.hop.action}` : null;
  };
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const l = text(i, a);
    const r = text(i, b);
    if (l !== r) return { index: i, left: l, right: r };
  }
  return null;
}
