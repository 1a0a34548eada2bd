/**
 * One matrix cell from one trace (verdict, reason, the deciding rule, the backend), and the
 * table of distinct cells.
 */
import type { Hop, Trace, TraceRequest } from '../types';
import type { MatrixCell, MatrixDestination, MatrixSource } from './types';

/** The trace request of a cell: the packet and its reply, as a connection needs both. */
export function cellRequest(s: MatrixSource, d: MatrixDestination, seed = 1): TraceRequest {
  return { from: s.from, to: d.to, proto: d.proto, reply: true, seed };
}

const ACL = /ACL/i;

/**
 * The hop that decided: the drop; else the last rule that let the request through an ACL
 * layer; else the last rule of the request; else null (nothing but forwarding).
 */
export function decidingHop(t: Trace): Hop | null {
  const hops = t.hops;
  if (t.verdict === 'dropped') {
    for (let i = hops.length - 1; i >= 0; i--) if (hops[i]!.action === 'drop') return hops[i]!;
    return hops[hops.length - 1] ?? null;
  }
  let lastRule: Hop | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const h = hops[i]!;
    if (h.phase !== 'request' || !h.rule) continue;
    if (h.layer && ACL.test(h.layer)) return h;
    lastRule ??= h;
  }
  return lastRule;
}

function backendOf(t: Trace): string | null {
  for (const h of t.hops) {
    if (h.phase !== 'request') break;
    if (h.action === 'lbnat' || (h.component === 'kube-proxy' && h.before.dstIp !== h.after.dstIp))
      return `${h.after.dstIp}:${h.after.dstPort}`;
  }
  return null;
}

export function cellOf(t: Trace): MatrixCell {
  const h = decidingHop(t);
  const wire = t.legs.some((l) => l.deliveredTo?.kind === 'wire');
  return {
    verdict: t.verdict === 'dropped' ? 'dropped' : wire ? 'assumed' : 'delivered',
    reason: t.reason,
    at: h ? [h.node, h.name, h.direction?.toUpperCase()].filter((x) => x).join(' / ') : null,
    layer: h?.layer ?? null,
    group: h?.group ?? null,
    rule: h?.rule ?? null,
    priority: h?.priority ?? null,
    backend: backendOf(t),
  };
}

/**
 * One field of a cell's key: a text by its length, then itself, so no text a dump carries (a
 * rule named `null`, a name holding the separator) reads as another field or as a missing one.
 */
const field = (x: string | number | null): string =>
  x === null ? '-' : typeof x === 'number' ? `#${x};` : `${x.length}:${x}`;

/** A stable key for sharing identical cells: equal keys, equal cells. */
export const cellKey = (c: MatrixCell) =>
  field(c.verdict) +
  field(c.reason) +
  field(c.at) +
  field(c.layer) +
  field(c.group) +
  field(c.rule) +
  field(c.priority) +
  field(c.backend);

/** Distinct cells, shared by index; templates (see `Matrix.templated`) apart from the rest. */
export class CellTable {
  readonly cells: MatrixCell[] = [];
  readonly templated: boolean[] = [];
  private readonly index = new Map<string, number>();
  intern(c: MatrixCell, templated = false): number {
    const k = `${templated ? 'T' : 'C'}${cellKey(c)}`;
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.cells.length;
      this.cells.push(c);
      this.templated.push(templated);
      this.index.set(k, i);
    }
    return i;
  }
}
