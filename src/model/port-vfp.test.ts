/**
 * `withPortVfp`: a port of a model whose VFP was not derived (`I_VFP_DEFERRED`), derived for
 * showing it, must be what `programVfp` would have put in the model: same layers, groups,
 * rules and ids (the engine's hops name those ids).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticDraft } from '../../bench/synthetic';
import { parseInputs } from '../parsers/index';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { programVfp } from './program-vfp';
import { deferredPortOf, hasDeferredPorts, isDeferredPort, withPortVfp } from './port-vfp';
import type { Topology } from './types';
import { allVfpRules, rulesOfGroup } from './vfp-rules';
import { stripVfp } from './strip-vfp.test-helper';

const full = buildScenario('new-l2bridge');
const bare = stripVfp(full);
const a1Port = full.endpoints[full.pods['pod:a1']!.endpointIds[0]!]!.portId!;

describe('a port whose VFP is derived when opened', () => {
  it('is told apart from a programmed one and from a port HNS gives no layers', () => {
    expect(isDeferredPort(bare, a1Port)).toBe(true);
    expect(isDeferredPort(full, a1Port)).toBe(false);
    expect(hasDeferredPorts(bare)).toBe(true);
    expect(hasDeferredPorts(full)).toBe(false);
    expect(isDeferredPort(bare, 'no-such-port')).toBe(false);
    expect(isDeferredPort(bare, '__proto__')).toBe(false);
    // A remote endpoint's stand-in or the external adapter: programVfp gives none either.
    for (const [id, p] of Object.entries(full.ports))
      if (p.layerIds.length === 0) expect(isDeferredPort(bare, id), id).toBe(false);
  });

  it("gets the programmed model's layers, groups and rules, with the same ids", () => {
    const v = withPortVfp(bare, a1Port);
    expect(v.ports[a1Port]!.layerIds).toEqual(full.ports[a1Port]!.layerIds);
    for (const id of full.ports[a1Port]!.layerIds) {
      expect(v.layers[id]).toEqual(full.layers[id]);
      for (const g of full.layers[id]!.groupIds)
        expect(rulesOfGroup(v, v.groups[g]!)).toEqual(rulesOfGroup(full, full.groups[g]!));
    }
    // Only that port: the others are still left to derive.
    const other = Object.keys(full.ports).find((id) => id !== a1Port && isDeferredPort(bare, id))!;
    expect(v.ports[other]!.layerIds).toEqual([]);
    // Kept: opening, selecting and revealing the port derive it once.
    expect(withPortVfp(bare, a1Port)).toBe(v);
    expect(withPortVfp(full, a1Port)).toBe(full);
  });

  it('is found from the id of any object its VFP would hold', () => {
    const rule = [...allVfpRules(full)].find((r) => r.portId === a1Port)!;
    expect(deferredPortOf(bare, rule.id)).toBe(a1Port);
    expect(deferredPortOf(bare, full.ports[a1Port]!.layerIds[0]!)).toBe(a1Port);
    expect(deferredPortOf(bare, 'node:win-a')).toBeNull();
    expect(deferredPortOf(full, rule.id)).toBeNull();
  });

  it('a big node: one port derived equals that port of the programmed model', () => {
    const draft = syntheticDraft(20, 300);
    const programmed = programVfp(draft);
    const v = withPortVfp(draft, 'port7');
    const of = (t: Topology) =>
      [...allVfpRules(t)]
        .filter((r) => r.portId === 'port7')
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(of(v).length).toBeGreaterThan(300);
    expect(of(v)).toEqual(of(programmed));
  });
});

describe('which ports are deferred, against programVfp', () => {
  const corpus = new URL('../parsers/__fixtures__/corpus/', import.meta.url);
  const cases: [string, () => Topology][] = [
    ...SCENARIO_IDS.map((id): [string, () => Topology] => [id, () => stripVfp(buildScenario(id))]),
    ...readdirSync(corpus).map((f): [string, () => Topology] => [
      f,
      () =>
        parseInputs([{ name: f, text: readFileSync(new URL(f, corpus), 'utf8') }], {
          deriveVfp: false,
        }).topology,
    ]),
  ];
  it.each(cases)('%s: deferred exactly where programVfp would add layers', (_, make) => {
    const t = make();
    const programmed = programVfp(t);
    for (const [id, p] of Object.entries(t.ports))
      expect(isDeferredPort(t, id), id).toBe(
        p.layerIds.length === 0 && programmed.ports[id]!.layerIds.length > 0,
      );
  });
});
