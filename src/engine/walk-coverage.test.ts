/**
 * Coverage of domain.md §7: every canonical walk (S1–S12, `__fixtures__/canonical-walks.ts`) in
 * every design it applies to, request and reply legs, each asserting the path, the rules that
 * acted (layer, priority as the topology holds it, action, confidence), the frame the leg ends
 * with (addresses, ports, source and destination MAC) and how it ended (with the confidence of
 * the last hop). A pair with no entry, or an entry without a reply where the request was
 * delivered, fails the coverage test; a changed walk fails its own. The expectations are in
 * `__fixtures__/walk-expectations.ts`.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import type { Design, Topology } from '../model/types';
import { traceFlow } from './trace';
import { requestOf, WALKS, type WalkId } from './__fixtures__/canonical-walks';
import { summariseLeg } from './__fixtures__/walk-summary';
import { EXPECTED } from './__fixtures__/walk-expectations';

const topo = new Map<Design, Topology>();
const get = (d: Design) => topo.get(d) ?? (topo.set(d, buildScenario(d)), topo.get(d)!);
const PAIRS = (Object.keys(WALKS) as WalkId[]).flatMap((w) =>
  WALKS[w].designs.map((d) => [w, d] as const),
);

describe('domain.md §7 walks × designs', () => {
  it('every applicable pair has request and reply expectations, and no entry is stale', () => {
    const missing: string[] = [];
    for (const [w, d] of PAIRS) {
      const e = EXPECTED[`${w} ${d}`];
      if (!e) missing.push(`${w} ${d}`);
      else if (e.reply === null && !e.request.end.startsWith('dropped'))
        missing.push(`${w} ${d}: reply`);
      else
        for (const leg of [e.request, e.reply])
          if (
            leg &&
            (!leg.path || !leg.frame || !/\((documented|observed|inferred)\)$/.test(leg.end))
          )
            missing.push(`${w} ${d}: path, frame or confidence`);
    }
    expect(missing).toEqual([]);
    const keys = new Set(PAIRS.map(([w, d]) => `${w} ${d}`));
    expect(Object.keys(EXPECTED).filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(PAIRS)('%s in %s: request and reply', (w, d) => {
    const t = get(d);
    const trace = traceFlow(t, requestOf(t, w));
    const e = EXPECTED[`${w} ${d}`]!;
    expect(summariseLeg(t, trace, 'request'), 'request').toEqual(e.request);
    expect(summariseLeg(t, trace, 'reply'), 'reply').toEqual(e.reply);
  });
});
