/**
 * Compiled VFP, built lazily per port on first use. Each group gets a `Matcher`: its rules'
 * parsed conditions in evaluation order (priority, stable), indexed by exact /32 destination
 * (hash map), a wildcard list, or LPM buckets. A matcher depends only on the rules'
 * conditions, types and priorities, so ports that carry the same rule list share one:
 * programVfp stores every pod port's LB_DSR rules as one rule set (the deferred derivation
 * hands over the same frozen list), and 300 ports × 5,000 LB_DSR rules compile to one
 * 5,000-entry index instead of 1.5M.
 */
import { describeLayer, type LayerSpec } from '../model/vfp-builder';
import { groupRuleBodies, mergeRuleLists, ruleSetOf } from '../model/vfp-rules';
import { buildMatcher, compileCond, type CCond, type Matcher, type RuleBody } from './matcher';

export {
  BIG,
  type Bucket,
  type CCond,
  type LpmBucket,
  type Matcher,
  type PortIndex,
  type RuleBody,
} from './matcher';
import type {
  Port,
  RuleConditions,
  Topology,
  VfpGroup,
  VfpLayer,
  VfpRule,
  VfpRuleType,
} from '../model/types';

/** A rule with its parsed conditions (the unit `matchRule` takes). */
export interface CRule extends CCond {
  readonly rule: VfpRule;
}

export interface CGroup {
  readonly group: VfpGroup;
  readonly m: Matcher;
  /** The port's rules, by position. */
  readonly rules: readonly RuleBody[];
  readonly size: number;
}

/** A rule's id: its own, or the one `programVfp` would give a derived rule. */
export function ruleIdOf(g: CGroup, r: RuleBody): string {
  return r.id ?? `${g.group.id}/${r.name}`;
}

export interface CLayer {
  readonly layer: VfpLayer;
  readonly inGroups: readonly CGroup[];
  readonly outGroups: readonly CGroup[];
}

export interface CPort {
  readonly port: Port;
  readonly layers: readonly CLayer[];
}

/** Caches shared by all ports of one compiled topology. */
export interface VfpCache {
  readonly conds: Map<RuleConditions, { readonly id: number; readonly c: CCond }>;
  /** Matchers by a hash of the list's length and sampled rules (see `groupOf`). */
  readonly matchers: Map<number, Matcher[]>;
  /** Matchers of frozen (shared, prepared) rule lists, by the list itself. */
  readonly byList: WeakMap<readonly RuleBody[], Matcher>;
}

const TYPE_CODE: Readonly<Record<VfpRuleType, number>> = {
  allow: 1,
  block: 2,
  nat: 3,
  dynnat: 4,
  lbnat: 5,
  encap: 6,
  decap: 7,
  transpose: 8,
  paroute: 9,
  other: 10,
};

const mix = (h: number, v: number) => Math.imul(h ^ v, 0x01000193) >>> 0;

function sameList(m: Matcher, lpm: boolean, rules: readonly RuleBody[]): boolean {
  if (m.lpm !== lpm || m.size !== rules.length) return false;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (m.sig[i] !== r.conditions || m.types[i] !== r.type || m.prios[i] !== r.priority)
      return false;
  }
  return true;
}

function compileGroup(t: Topology, cache: VfpCache, group: VfpGroup): CGroup {
  const rules = groupRuleBodies(t, group);
  return groupOf(cache, group, rules, rules === ruleSetOf(t, group)?.rules);
}

/** Parsed conditions and their id, once per `conditions` object (ports share them). */
function condOf(cache: VfpCache, k: RuleConditions): { readonly id: number; readonly c: CCond } {
  let e = cache.conds.get(k);
  if (!e) {
    e = { id: cache.conds.size + 1, c: compileCond(k) };
    cache.conds.set(k, e);
  }
  return e;
}

/**
 * A compiled group over `rules` (in priority order), sharing an identical list's matcher.
 * Candidates are found by length and three sampled rules, then checked rule by rule, so a
 * port whose 5,000 LB_DSR rules match a known list costs one pass of identity compares.
 */
function groupOf(
  cache: VfpCache,
  group: VfpGroup,
  rules: readonly RuleBody[],
  shared = false,
): CGroup {
  const lpm = group.matchType === 'lpm';
  const n = rules.length;
  // Derived ports hand over the very same prepared array: no pass at all.
  let m = cache.byList.get(rules);
  if (m?.lpm !== lpm) {
    let h = mix(lpm ? 1 : 2, n);
    for (const i of n > 0 ? [0, n >> 1, n - 1] : []) {
      const r = rules[i]!;
      h = mix(mix(mix(h, condOf(cache, r.conditions).id), TYPE_CODE[r.type] ?? 0), r.priority | 0);
    }
    const same = cache.matchers.get(h);
    m = same?.find((x) => sameList(x, lpm, rules));
    if (!m) {
      const conds = rules.map((r) => condOf(cache, r.conditions).c);
      m = buildMatcher(lpm, rules, conds);
      if (same) same.push(m);
      else cache.matchers.set(h, [m]);
    }
    // A frozen list, or a rule set's, is shared by many groups and never changes.
    if (shared || Object.isFrozen(rules)) cache.byList.set(rules, m);
  }
  return { group, m, rules, size: n };
}

/** A layer's (IPv4) groups by priority (stable), split by direction. */
function cLayer(layer: VfpLayer, groups: CGroup[]): CLayer {
  const v4 = [...groups].sort((a, b) => a.group.priority - b.group.priority);
  return {
    layer,
    inGroups: v4.filter((g) => g.group.direction === 'in'),
    outGroups: v4.filter((g) => g.group.direction === 'out'),
  };
}

/** Compile one port from the model's layers, groups and rules. */
export function compilePort(t: Topology, cache: VfpCache, port: Port): CPort {
  const layers: CLayer[] = [];
  for (const lid of port.layerIds) {
    const layer = t.layers[lid];
    if (!layer) continue;
    const groups: CGroup[] = [];
    for (const gid of layer.groupIds) {
      const g = t.groups[gid];
      if (g && g.family === 'ipv4') groups.push(compileGroup(t, cache, g));
    }
    layers.push(cLayer(layer, groups));
  }
  return { port, layers };
}

/**
 * Compile a port whose VFP is derived, not in the model (`programVfp` deferred on a big
 * dump): the same layers, groups, rule order and ids, but no rule objects or table entries.
 */
export function compileDerivedPort(cache: VfpCache, port: Port, specs: LayerSpec[]): CPort {
  const layers = specs.map((spec) => {
    const d = describeLayer(port.id, spec);
    return cLayer(
      d.layer,
      d.groups.flatMap(({ group, rules }) =>
        group.family === 'ipv4'
          ? [
              groupOf(
                cache,
                group,
                rules.shared ? mergeRuleLists(rules.own, rules.shared) : rules.own,
              ),
            ]
          : [],
      ),
    );
  });
  return { port, layers };
}
