/**
 * Shared rule sets (`Topology.ruleSets`) are only a storage: a topology traces exactly as it
 * does with every rule a `Topology.rules` entry, and as it does with its VFP deferred (derived
 * per port by the engine). Checked on the built-in scenarios, the synthetic bench node and
 * every real dump of the corpus; the rule lists themselves are checked against the spec's
 * definition (`[...rules, ...shared]` sorted by priority then name, first of each name).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { programVfp, vfpDeriver } from '../model/program-vfp';
import { ANY, type LayerSpec, type RuleSpec } from '../model/vfp-builder';
import { allVfpRules, rulesOfGroup, vfpRuleCount } from '../model/vfp-rules';
import { checkInvariants } from '../model/invariants';
import { parseInputs } from '../parsers/index';
import { syntheticDraft } from '../../bench/synthetic';
import type { Topology, VfpGroup, VfpRule } from '../model/types';
import { traceFlow, traceVerdict } from './trace';
import type { TraceRequest } from './types';

/** The same topology with every rule an entry of `t.rules` and no rule sets. */
function materialise(t: Topology): Topology {
  const rules: Record<string, VfpRule> = { ...t.rules };
  const groups: Record<string, VfpGroup> = {};
  for (const g of Object.values(t.groups)) {
    const list = rulesOfGroup(t, g);
    for (const r of list) rules[r.id] = r;
    groups[g.id] = { ...g, ruleIds: list.map((r) => r.id), ruleSetId: undefined };
  }
  return { ...t, groups, rules, ruleSets: undefined };
}

/** The topology before `programVfp`: derived layers removed (dumped layers kept). */
function strip(t: Topology, draft: Topology): Topology {
  return { ...t, ports: draft.ports, layers: draft.layers, groups: draft.groups, rules: {} };
}

const outcome = (t: Topology, r: TraceRequest): unknown => {
  try {
    return traceFlow(t, r);
  } catch (e) {
    return String(e);
  }
};

/** Every request traces the same on all topologies (and the verdict-only walk agrees). */
function sameTraces(ts: readonly Topology[], requests: readonly TraceRequest[]): void {
  for (const r of requests) {
    const first = outcome(ts[0]!, r);
    for (const t of ts.slice(1)) expect(outcome(t, r), JSON.stringify(r)).toEqual(first);
    if (typeof first !== 'string')
      expect(traceVerdict(ts[0]!, r)).toBe((first as { verdict: string }).verdict);
  }
}

/** What a group spec means, computed the plain way. */
function expectedRules(specRules: readonly RuleSpec[]): RuleSpec[] {
  const sorted = [...specRules].sort(
    (a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const seen = new Set<string>();
  return sorted.filter((r) => !seen.has(r.name) && seen.add(r.name));
}

/** Each derived group's rules, read back, are what its spec defines. */
function sameRulesAsSpecs(draft: Topology, programmed: Topology): number {
  const derive = vfpDeriver(draft);
  let n = 0;
  for (const port of Object.values(draft.ports)) {
    const specs: LayerSpec[] = derive(port);
    for (const layer of specs)
      for (const g of layer.groups) {
        const group = programmed.groups[`${port.id}/${layer.name}/${g.name}`]!;
        const got = rulesOfGroup(programmed, group);
        const want = expectedRules([...g.rules, ...(g.shared ?? [])]);
        expect(got.map((r) => r.id)).toEqual(want.map((r) => `${group.id}/${r.name}`));
        got.forEach((r, i) => {
          const w = want[i]!;
          expect(r).toEqual({
            id: `${group.id}/${w.name}`,
            groupId: group.id,
            layerId: group.layerId,
            portId: port.id,
            name: w.name,
            friendlyName: null,
            priority: w.priority,
            type: w.type,
            terminating: w.terminating ?? false,
            stateful: w.stateful ?? false,
            conditions: { ...ANY, ...w.conditions },
            action: w.action,
            provenance: w.provenance,
          });
        });
        n += got.length;
      }
  }
  return n;
}

/** Requests from every local endpoint or pod to every address the topology knows. */
function requestsFor(t: Topology): TraceRequest[] {
  const froms = [
    ...Object.values(t.pods).map((p) => p.name),
    ...Object.values(t.endpoints)
      .filter((e) => !e.isRemote && e.portId && !e.podId)
      .map((e) => e.id),
  ];
  const tos = new Set<string>(['8.8.8.8:443']);
  for (const e of Object.values(t.endpoints)) if (e.ipAddress) tos.add(`${e.ipAddress}:80`);
  for (const lb of Object.values(t.loadBalancers))
    for (const vip of lb.frontendVips) tos.add(`${vip}:${lb.externalPort}`);
  for (const n of Object.values(t.nodes)) if (n.managementIp) tos.add(`${n.managementIp}:30080`);
  const out: TraceRequest[] = [];
  for (const from of froms)
    for (const to of tos)
      for (const proto of ['tcp', 'udp'] as const) out.push({ from, to, proto, reply: true });
  return out;
}

describe('compact VFP rules: same rules and traces as every rule stored on its own', () => {
  it.each(SCENARIO_IDS)('scenario %s', (id) => {
    const full = buildScenario(id);
    const flat = materialise(full);
    expect(checkInvariants(full)).toEqual([]);
    expect(checkInvariants(flat)).toEqual([]);
    expect(vfpRuleCount(full)).toBe(Object.keys(flat.rules).length);
    expect([...allVfpRules(full)].map((r) => r.id).sort()).toEqual(Object.keys(flat.rules).sort());
    const bare: Topology = {
      ...full,
      ports: Object.fromEntries(
        Object.entries(full.ports).map(([k, p]) => [k, { ...p, layerIds: [] }]),
      ),
      layers: {},
      groups: {},
      rules: {},
      ruleSets: undefined,
    };
    expect(sameRulesAsSpecs(bare, full)).toBe(vfpRuleCount(full));
    const names = [...Object.values(full.pods).map((p) => p.name), 'win-a', 'external-client'];
    const tos = ['a2:8080', 'b1:8080', '10.96.10.10:80', '10.96.0.10:53', '203.0.113.10:443'];
    tos.push('10.0.0.4:30080', 'web');
    const requests = names.flatMap((from) =>
      tos.flatMap((to) =>
        (['tcp', 'udp', 'icmp'] as const).map((proto) => ({ from, to, proto, reply: true })),
      ),
    );
    sameTraces([full, flat, bare], requests);
  });

  it('synthetic node: a set per shared list, random pod × service traces', () => {
    const draft = syntheticDraft(40, 300);
    const full = programVfp(draft);
    const flat = materialise(full);
    // LB_DSR: 300 rules on each of 40 pod ports, stored once.
    expect(vfpRuleCount(full)).toBe(Object.keys(flat.rules).length);
    expect(Object.keys(full.rules).length).toBeLessThan(vfpRuleCount(full) / 5);
    expect(sameRulesAsSpecs(draft, full)).toBe(vfpRuleCount(full));
    expect(checkInvariants(full)).toEqual([]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 39 }),
        fc.integer({ min: 0, max: 299 }),
        fc.integer({ min: 1024, max: 65535 }),
        fc.integer({ min: 0, max: 1000 }),
        (p, lb, srcPort, seed) =>
          sameTraces(
            [full, flat, draft],
            [
              { from: `p${p}`, to: `10.96.${lb >> 8}.${lb & 255}:80`, srcPort, seed, reply: true },
              { from: `p${p}`, to: `10.244.1.${lb % 40}:8080`, srcPort, seed, reply: true },
            ],
          ),
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  const dir = new URL('../parsers/__fixtures__/corpus/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it.each(files)('real dump %s', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const full = parseInputs([{ name, text }]).topology;
    const draft = parseInputs([{ name, text }], { deriveVfp: false }).topology;
    const flat = materialise(full);
    expect(vfpRuleCount(full)).toBe(Object.keys(flat.rules).length);
    expect(sameRulesAsSpecs(draft, full)).toBe(
      vfpRuleCount(full) - Object.keys(draft.rules).length,
    );
    sameTraces([full, flat, strip(full, draft)], requestsFor(full));
  });
});
