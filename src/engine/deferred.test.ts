/**
 * A topology whose VFP was not materialised (parsers defer `programVfp` on big dumps) must
 * trace exactly like the programmed one: the engine derives each port on demand.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { deriveVfpPort, programVfp } from '../model/program-vfp';
import { allVfpRules } from '../model/vfp-rules';
import { syntheticDraft } from '../../bench/synthetic';
import type { Topology } from '../model/types';
import { compiledPort, compileTopology } from './compile';
import { traceFlow, traceVerdict } from './trace';
import type { TraceRequest } from './types';

/** The topology as it was before `programVfp`: no layers anywhere. */
function strip(t: Topology): Topology {
  const ports = Object.fromEntries(
    Object.entries(t.ports).map(([id, p]) => [id, { ...p, layerIds: [] }]),
  );
  return { ...t, ports, layers: {}, groups: {}, rules: {} };
}

const same = (a: Topology, b: Topology, r: TraceRequest) => {
  let x: unknown;
  let y: unknown;
  try {
    x = traceFlow(a, r);
  } catch (e) {
    x = String(e);
  }
  try {
    y = traceFlow(b, r);
  } catch (e) {
    y = String(e);
  }
  expect(y, JSON.stringify(r)).toEqual(x);
};

describe('deferred VFP', () => {
  it.each(SCENARIO_IDS)('%s: same traces with and without materialised rules', (d) => {
    const full = buildScenario(d);
    const bare = strip(full);
    expect(programVfp(bare)).toEqual(full);
    const names = [...Object.values(full.pods).map((p) => p.name), 'win-a', 'external-client'];
    const tos = ['a2:8080', 'b1:8080', 'b2:8080', '10.96.10.10:80', '10.96.0.10:53'];
    tos.push('203.0.113.10:443', '10.0.0.4:30080', 'web');
    for (const from of names)
      for (const to of tos)
        for (const proto of ['tcp', 'udp', 'icmp'] as const)
          same(full, bare, { from, to, proto, reply: true });
  });

  it('synthetic node: same traces, and one port derivable on its own', () => {
    const draft = syntheticDraft(30, 200);
    const full = programVfp(draft);
    for (let k = 0; k < 200; k += 9)
      same(full, draft, { from: `p${k % 30}`, to: `10.96.0.${k}:80`, reply: true, seed: k });
    same(full, draft, { from: 'p3', to: '8.8.8.8:443', reply: true });
    const one = deriveVfpPort(draft, 'port7');
    expect(one.layerIds).toEqual(full.ports.port7!.layerIds);
    const port7 = (t: Pick<Topology, 'rules' | 'groups' | 'ruleSets'>) =>
      [...allVfpRules(t as Topology)]
        .filter((r) => r.portId === 'port7')
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(port7(one).length).toBeGreaterThan(200);
    expect(port7(one)).toEqual(port7(full));
  });

  it('synthetic node: the bench sweep gives the same verdicts, and derives nothing once compiled', () => {
    // bench/sweep.ts: every pod to every service port, verdict only, the two topologies row
    // by row in turn. Deferred must reach the very same verdicts as eager, and once every
    // port is compiled (as `run.ts` does before timing) a sweep derives and compiles nothing.
    const draft = syntheticDraft(40, 300);
    const full = programVfp(draft);
    const c = compileTopology(draft);
    for (const id of Object.keys(draft.ports)) compiledPort(c, id);
    const derive = c.deriver!;
    let derived = 0;
    c.deriver = (port) => (derived++, derive(port));
    const ports = c.ports.size;
    const to = (j: number) => `10.96.${j >> 8}.${j & 255}:80`;
    let delivered = 0;
    for (let p = 0; p < 40; p++) {
      const row = (t: Topology) =>
        Array.from({ length: 300 }, (_, j) => traceVerdict(t, { from: `p${p}`, to: to(j) }));
      // Eager first in odd rows, as the bench alternates.
      const eagerFirst = p % 2 === 1 ? row(full) : null;
      const deferred = row(draft);
      expect(deferred, `p${p}`).toEqual(eagerFirst ?? row(full));
      delivered += deferred.filter((v) => v === 'delivered').length;
    }
    // Both kinds of walk are swept: each service has two backends, so a pod that is one of
    // them is dropped as a hairpin to itself or delivered to the other.
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(40 * 300);
    expect([derived, c.ports.size]).toEqual([0, ports]);
    for (let j = 0; j < 300; j += 37) same(full, draft, { from: `p${j % 40}`, to: to(j) });
  });
});
