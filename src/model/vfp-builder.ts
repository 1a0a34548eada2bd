/**
 * A small mutable builder used by `programVfp` to append VFP layers, groups and rules to
 * a topology in a deterministic order. Ids are path-like: `<portId>/<LAYER>/<GROUP>/<RULE>`.
 * Rule lists a group spec hands over frozen (built once, carried by many ports) are stored
 * once as a `VfpRuleSet`; the rest become per-port `VfpRule` entries.
 */
import type {
  AddressFamily,
  Confidence,
  Direction,
  Provenance,
  RuleAction,
  RuleConditions,
  VfpGroup,
  VfpLayer,
  VfpRule,
  VfpRuleBody,
  VfpRuleSet,
  VfpRuleType,
} from './types';
import { mergeRuleLists, placeRule } from './vfp-rules';

/** Conditions matching everything. */
export const ANY: RuleConditions = {
  srcPrefixes: null,
  dstPrefixes: null,
  srcPorts: null,
  dstPorts: null,
  protocols: null,
};

/** The optional, structured part of a derived object's Provenance. */
export type ProvenanceExtra = Pick<Provenance, 'creator' | 'nameSource' | 'assumption'>;

/** A Provenance for a derived VFP object. */
export function derived(
  by: Provenance['by'],
  id: string | null,
  detail: string | null,
  confidence: Confidence,
  ref: string,
  extra?: ProvenanceExtra,
): Provenance {
  return extra
    ? { by, id, detail, confidence, ref, derived: true, ...extra }
    : { by, id, detail, confidence, ref, derived: true };
}

/** Extra for a derived object whose name hnsviz made up (no source shows the real one). */
export const MODEL_NAME: ProvenanceExtra = Object.freeze({ nameSource: 'model' });

export interface RuleSpec {
  readonly name: string;
  readonly priority: number;
  readonly type: VfpRuleType;
  readonly terminating?: boolean;
  readonly stateful?: boolean;
  readonly conditions?: Partial<RuleConditions>;
  readonly action: RuleAction;
  readonly provenance: Provenance;
}

export interface GroupSpec {
  readonly name: string;
  readonly direction: Direction;
  readonly family?: AddressFamily;
  readonly priority: number;
  readonly matchType?: 'priority' | 'lpm';
  readonly provenance: Provenance;
  readonly rules: readonly RuleSpec[];
  /**
   * More rules of the group, the same on many ports (freeze the array so it is prepared once).
   * Means exactly `rules: [...rules, ...shared]`.
   */
  readonly shared?: readonly RuleSpec[];
}

export interface LayerSpec {
  readonly name: string;
  readonly priority: number;
  readonly stateful: boolean;
  readonly provenance: Provenance;
  readonly groups: readonly GroupSpec[];
}

/** Output tables the builder appends to. */
export interface VfpTables {
  readonly layers: Record<string, VfpLayer>;
  readonly groups: Record<string, VfpGroup>;
  readonly rules: Record<string, VfpRule>;
  /** Shared rule lists (frozen spec arrays), once per tables object; see `VfpRuleSet`. */
  readonly ruleSets: Record<string, VfpRuleSet>;
}

/** A rule spec with defaults filled in; everything but the ids, so ports can share it. */
export interface PreparedRule extends VfpRuleBody {
  readonly friendlyName: null;
}

// Frozen spec arrays (one LB_DSR list serves every pod port of a network) are sorted and
// filled once: per port only the rule objects and their ids remain to be made.
const preparedCache = new WeakMap<readonly RuleSpec[], readonly PreparedRule[]>();
const namesCache = new WeakMap<readonly RuleSpec[], ReadonlySet<string>>();

/** Sort by priority then name (stable), keep the first rule of each name, fill defaults. */
function prepare(rules: readonly RuleSpec[]): readonly PreparedRule[] {
  const frozen = Object.isFrozen(rules);
  const hit = frozen ? preparedCache.get(rules) : undefined;
  if (hit) return hit;
  const out: PreparedRule[] = [];
  const seen = new Set<string>();
  for (const r of [...rules].sort((a, b) => a.priority - b.priority || cmp(a.name, b.name))) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    out.push({
      name: r.name,
      friendlyName: null,
      priority: r.priority,
      type: r.type,
      terminating: r.terminating ?? false,
      stateful: r.stateful ?? false,
      conditions: { ...ANY, ...r.conditions },
      action: r.action,
      provenance: r.provenance,
    });
  }
  if (frozen) {
    // Frozen in turn: it becomes a rule set, and the engine shares one matcher per list.
    Object.freeze(out);
    preparedCache.set(rules, out);
    namesCache.set(rules, seen);
  }
  return out;
}

/**
 * A group's rules split by storage: `own` per port, `shared` (a frozen list many ports carry,
 * or null). Their merge by priority, then name, is the group's rules: exactly the rules of
 * `[...rules, ...shared]` sorted by priority then name, first rule of each name kept.
 */
export interface SplitRules {
  readonly own: readonly PreparedRule[];
  readonly shared: readonly PreparedRule[] | null;
}

/** How `addLayer` stores the rules of `g` (see `SplitRules`). */
export function splitRules(g: GroupSpec): SplitRules {
  const shared = g.shared ?? [];
  if (shared.length === 0)
    return Object.isFrozen(g.rules) && g.rules.length > 0
      ? { own: [], shared: prepare(g.rules) }
      : { own: prepare(g.rules), shared: null };
  const b = prepare(shared);
  const names = namesCache.get(shared); // set by `prepare` for a frozen list
  // Not frozen (not shared), or a name in both lists: one sort of the concatenation decides.
  if (!names || g.rules.some((r) => names.has(r.name)))
    return { own: prepare([...g.rules, ...shared]), shared: null };
  return { own: prepare(g.rules), shared: b };
}

/** The group's rules in evaluation order: `rules` and `shared` merged as if concatenated. */
export function groupRules(g: GroupSpec): readonly PreparedRule[] {
  const { own, shared } = splitRules(g);
  return shared ? mergeRuleLists(own, shared) : own;
}

/** A layer as `addLayer` writes it, with each group's rules prepared but not materialised. */
export interface DescribedLayer {
  readonly layer: VfpLayer;
  /** `group.ruleIds` is empty: the rules are in `rules` (ids are `<group.id>/<name>`). */
  readonly groups: readonly { readonly group: VfpGroup; readonly rules: SplitRules }[];
}

/** The layer `addLayer` would append for `portId`, without writing any table. */
export function describeLayer(portId: string, spec: LayerSpec): DescribedLayer {
  const layerId = `${portId}/${spec.name}`;
  const groups = spec.groups.map((g) => ({
    group: {
      id: `${layerId}/${g.name}`,
      layerId,
      portId,
      name: g.name,
      direction: g.direction,
      family: g.family ?? 'ipv4',
      priority: g.priority,
      matchType: g.matchType ?? 'priority',
      ruleIds: [],
      provenance: g.provenance,
    } satisfies VfpGroup,
    rules: splitRules(g),
  }));
  const layer: VfpLayer = {
    id: layerId,
    portId,
    name: spec.name,
    priority: spec.priority,
    stateful: spec.stateful,
    defaultAction: 'allow',
    groupIds: groups.map((g) => g.group.id),
    provenance: spec.provenance,
  };
  return { layer, groups };
}

// The set id of each shared list already written to a `ruleSets` table.
const setIds = new WeakMap<Record<string, VfpRuleSet>, Map<readonly PreparedRule[], string>>();

/** The id of the set holding `rules` in `out` (written on first use, under `groupId`). */
function ruleSetFor(out: VfpTables, rules: readonly PreparedRule[], groupId: string): string {
  let ids = setIds.get(out.ruleSets);
  if (!ids) setIds.set(out.ruleSets, (ids = new Map<readonly PreparedRule[], string>()));
  let id = ids.get(rules);
  if (id === undefined) {
    id = groupId;
    out.ruleSets[id] = { id, rules };
    ids.set(rules, id);
  }
  return id;
}

/**
 * Append one layer (with its groups and rules) for `portId`; returns the layer id. Shared
 * lists go to `out.ruleSets` once and each group refers to its set; per-port rules become
 * entries of `out.rules`.
 */
export function addLayer(out: VfpTables, portId: string, spec: LayerSpec): string {
  const { layer, groups } = describeLayer(portId, spec);
  for (const { group, rules } of groups) {
    const groupId = group.id;
    const ruleIds: string[] = [];
    for (const r of rules.own) {
      const rule = placeRule(group, r);
      ruleIds.push(rule.id);
      out.rules[rule.id] = rule;
    }
    out.groups[groupId] =
      rules.shared && rules.shared.length > 0
        ? { ...group, ruleIds, ruleSetId: ruleSetFor(out, rules.shared, groupId) }
        : { ...group, ruleIds };
  }
  out.layers[layer.id] = layer;
  return layer.id;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Protocol number → the suffix HNS rule names use (`6`, `17`). */
export function protoName(p: number): string {
  return p === 6 ? 'TCP' : p === 17 ? 'UDP' : String(p);
}
