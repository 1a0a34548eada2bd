/**
 * Reading VFP rules whatever their storage. A group's rules are its own (`ruleIds`, entries of
 * `Topology.rules`) plus, when it has a `ruleSetId`, the rules of a shared set
 * (`Topology.ruleSets`), which have no entry of their own: they are materialised here, with
 * the ids they have on that group (`<group id>/<rule name>`), when someone reads them.
 * Use these helpers rather than `t.rules` whenever every rule matters.
 */
import type { Topology, VfpGroup, VfpRule, VfpRuleBody, VfpRuleSet } from './types';
import { valuesOf } from '../shared/table';

const own = <T>(table: Readonly<Record<string, T>> | undefined, id: string): T | undefined =>
  table && Object.hasOwn(table, id) ? table[id] : undefined;

/** The rule set group `g` carries, or undefined. */
export function ruleSetOf(t: Topology, g: VfpGroup): VfpRuleSet | undefined {
  return g.ruleSetId === undefined ? undefined : own(t.ruleSets, g.ruleSetId);
}

/** The id a set rule has on group `groupId`. */
export function setRuleId(groupId: string, name: string): string {
  return `${groupId}/${name}`;
}

/** `body` as a rule of group `g` (how set rules are materialised). */
export function placeRule(g: VfpGroup, body: VfpRuleBody): VfpRule {
  return {
    id: setRuleId(g.id, body.name),
    groupId: g.id,
    layerId: g.layerId,
    portId: g.portId,
    name: body.name,
    friendlyName: body.friendlyName,
    priority: body.priority,
    type: body.type,
    terminating: body.terminating,
    stateful: body.stateful,
    conditions: body.conditions,
    action: body.action,
    provenance: body.provenance,
  };
}

/**
 * Two rule lists, each in evaluation order, merged by priority, then name (on a tie the
 * first list's rule goes first when names are equal too). Returns `b` itself when `a` is
 * empty, so callers can key caches on a shared list.
 */
export function mergeRuleLists<A extends VfpRuleBody, B extends VfpRuleBody>(
  a: readonly A[],
  b: readonly B[],
): readonly (A | B)[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: (A | B)[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x.priority < y.priority || (x.priority === y.priority && x.name <= y.name)) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** The group's own rules, in evaluation order (priority; `ruleIds` order on a tie). */
function ownRules(t: Topology, g: VfpGroup): VfpRule[] {
  const rules: VfpRule[] = [];
  let sorted = true;
  for (const id of g.ruleIds) {
    const r = own(t.rules, id);
    if (!r) continue;
    if (rules.length > 0 && rules[rules.length - 1]!.priority > r.priority) sorted = false;
    rules.push(r);
  }
  // programVfp writes groups in priority order; only foreign input pays for the (stable) sort.
  if (!sorted) rules.sort((a, b) => a.priority - b.priority);
  return rules;
}

/**
 * A group's rules in evaluation order, as stored: own rules (with ids) merged with its set's
 * bodies (without; their id is `setRuleId(g.id, name)`). For a group with no own rules this
 * is the set's array itself, which many groups share.
 */
export function groupRuleBodies(t: Topology, g: VfpGroup): readonly (VfpRule | VfpRuleBody)[] {
  const set = ruleSetOf(t, g);
  const mine = ownRules(t, g);
  return set ? mergeRuleLists(mine, set.rules) : mine;
}

/** A group's rules in evaluation order, set rules materialised as rules of `g`. */
export function rulesOfGroup(t: Topology, g: VfpGroup): VfpRule[] {
  return groupRuleBodies(t, g).map((r) => ('id' in r ? r : placeRule(g, r)));
}

/** How many rules group `g` has (own entries that exist, plus its set's). */
export function groupRuleCount(t: Topology, g: VfpGroup): number {
  let n = ruleSetOf(t, g)?.rules.length ?? 0;
  for (const id of g.ruleIds) if (own(t.rules, id)) n++;
  return n;
}

/** How many VFP rules the topology has, counting a set once per group that carries it. */
export function vfpRuleCount(t: Topology): number {
  let n = Object.keys(t.rules).length;
  if (t.ruleSets) for (const g of Object.values(t.groups)) n += ruleSetOf(t, g)?.rules.length ?? 0;
  return n;
}

/** Every VFP rule: the entries of `t.rules` in table order, then each group's set rules. */
export function* allVfpRules(t: Topology): Generator<VfpRule, void, undefined> {
  yield* valuesOf(t.rules);
  if (!t.ruleSets) return;
  for (const g of valuesOf(t.groups)) {
    const set = ruleSetOf(t, g);
    if (set) for (const body of set.rules) yield placeRule(g, body);
  }
}

const namesOf = new WeakMap<VfpRuleSet, ReadonlyMap<string, VfpRuleBody>>();

/** The rule with id `id`: an entry of `t.rules`, or a set rule of the group the id names. */
export function ruleById(t: Topology, id: string): VfpRule | undefined {
  const hit = own(t.rules, id);
  if (hit || !t.ruleSets) return hit;
  // Rule names may contain `/` (`…_10.244.0.0/16`), so try each split into group id and name.
  for (let i = id.indexOf('/'); i >= 0; i = id.indexOf('/', i + 1)) {
    const g = own(t.groups, id.slice(0, i));
    const set = g && ruleSetOf(t, g);
    if (!g || !set) continue;
    let names = namesOf.get(set);
    if (!names) {
      names = new Map(set.rules.map((r) => [r.name, r]));
      namesOf.set(set, names);
    }
    const body = names.get(id.slice(i + 1));
    if (body) return placeRule(g, body);
  }
  return undefined;
}
