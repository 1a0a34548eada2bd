/**
 * `portInRules` (what the matrix's destination list reads, without building matchers) gives
 * every port's inbound rule lists exactly as the compiled port holds them, whether the port's
 * VFP is in the model or derived from its HNS objects.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../scenarios/index';
import { scaledCluster } from '../../scenarios/scaled';
import { DESIGNS, type Topology } from '../../model/types';
import { syntheticDraft } from '../../../bench/synthetic';
import { syntheticDump } from '../../../bench/parse-bench';
import { parseInputs } from '../../parsers/index';
import { compileTopology, compiledPort, portInRules } from '../compile';

/** `t` without its VFP tables: every port's program is derived when compiled. */
const derived = (t: Topology): Topology => ({
  ...t,
  ports: Object.fromEntries(Object.entries(t.ports).map(([id, p]) => [id, { ...p, layerIds: [] }])),
  layers: {},
  groups: {},
  rules: {},
});

const names = (lists: readonly (readonly { name: string; priority: number; type: string }[])[]) =>
  lists.map((rules) => rules.map((r) => `${r.priority} ${r.type} ${r.name}`));

describe('portInRules', () => {
  const cases: [string, Topology][] = [
    ...DESIGNS.map((d) => [d, buildScenario(d)] as [string, Topology]),
    ['scaled new-overlay', buildScenario('new-overlay', scaledCluster(3))],
    ['synthetic node (derived)', syntheticDraft(12, 40)],
    [
      'dump with load balancers',
      parseInputs([{ name: 'lbs.json', text: syntheticDump(0.05, 24, 40) }]).topology,
    ],
  ];
  for (const [name, t] of cases)
    for (const [how, topo] of [
      ['as given', t],
      ['derived', derived(t)],
    ] as const)
      it(`equals the compiled ports' inbound groups: ${name}, ${how}`, () => {
        const lists = compileTopology(topo);
        const compiled = compileTopology(topo);
        let rules = 0;
        for (const id of Object.keys(topo.ports)) {
          const got = portInRules(lists, id);
          const want = (compiledPort(compiled, id)?.layers ?? []).flatMap((l) =>
            l.inGroups.map((g) => g.rules),
          );
          expect(names(got), id).toEqual(names(want));
          rules += want.flat().length;
        }
        expect(rules).toBeGreaterThan(0);
      });
});
