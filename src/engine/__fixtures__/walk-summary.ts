/**
 * One leg of a trace in a few lines a reader can check against domain.md §7: the path, the
 * rules that acted (layer, priority as the topology holds it, action, confidence), the frame
 * it ends with (addresses, ports and MACs) and where it ended.
 */
import type { Hop, Trace } from '../types';
import type { Topology } from '../../model/types';
import { compiledPort, compileTopology } from '../compile';

export interface LegSummary {
  /** Where the leg went, each place once in a row: `port:win-a:a1 > vswitch:win-a > …`. */
  readonly path: string;
  /** `LAYER RULE pPRIORITY action confidence` for each rule that acted (ids as `ID`). */
  readonly rules: readonly string[];
  /** `src:sport srcMac > dst:dport dstMac` of the frame the leg ends with. */
  readonly frame: string;
  /** `delivered a2 (documented)` or `dropped (confidence of the last hop)`. */
  readonly end: string;
}

const place = (h: Hop): string => {
  if (h.component === 'port') return h.objectId ?? h.name;
  if (h.component === 'external') return `external:${h.name}`;
  if (h.component === 'wire') return 'wire';
  return `${h.component}:${h.node ?? '-'}`;
};

function priorityOf(t: Topology, h: Hop): number | null {
  const cp = h.objectId ? compiledPort(compileTopology(t), h.objectId) : undefined;
  for (const cl of cp?.layers ?? [])
    for (const g of [...cl.inGroups, ...cl.outGroups])
      if (cl.layer.name === h.layer && g.group.name === h.group)
        for (const r of g.rules) if (r.name === h.rule) return r.priority;
  return null;
}

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function summariseLeg(t: Topology, trace: Trace, phase: Hop['phase']): LegSummary | null {
  const hops = trace.hops.filter((h) => h.phase === phase);
  const leg = trace.legs[phase === 'request' ? 0 : 1];
  if (!leg || hops.length === 0) return null;
  const path: string[] = [];
  for (const h of hops) if (path[path.length - 1] !== place(h)) path.push(place(h));
  const rules = hops
    .filter((h) => (h.rule && h.ruleId && h.action !== 'no match') || h.action === 'hairpin')
    .map((h) =>
      h.rule
        ? `${h.layer} ${h.rule.replace(ID, 'ID')} p${priorityOf(t, h) ?? '-'} ${h.action} ${h.confidence}`
        : `${place(h)} ${h.action} ${h.confidence}`,
    );
  const f = leg.final;
  const last = hops[hops.length - 1]!;
  return {
    path: path.join(' > '),
    rules,
    frame: `${f.srcIp}:${f.srcPort} ${f.srcMac ?? '?'} > ${f.dstIp}:${f.dstPort} ${f.dstMac ?? '?'}`,
    end:
      leg.verdict === 'delivered'
        ? `delivered ${leg.deliveredTo?.name ?? '?'} (${last.confidence})`
        : `${leg.verdict} at ${place(last)} (${last.confidence})`,
  };
}
