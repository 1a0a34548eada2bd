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
import { traceFlow } from './trace';
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
});
