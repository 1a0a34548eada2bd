/**
 * A small mutable builder used by `programVfp` to append VFP layers, groups and rules to
 * a topology in a deterministic order. Ids are path-like: `<portId>/<LAYER>/<GROUP>/<RULE>`.
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
  VfpRuleType,
} from './types';

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
}

/** A rule spec with defaults filled in; everything but the ids, so ports can share it. */
export interface PreparedRule {
  readonly name: string;
  readonly priority: number;
  readonly type: VfpRuleType;
  readonly terminating: boolean;
  readonly stateful: boolean;
  readonly conditions: RuleConditions;
  readonly action: RuleAction;
  readonly provenance: Provenance;
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
    // Frozen in turn: the engine shares one compiled matcher per prepared list.
    Object.freeze(out);
    preparedCache.set(rules, out);
    namesCache.set(rules, seen);
  }
  return out;
}

/** The group's rules in evaluation order: `rules` and `shared` merged as if concatenated. */
export function groupRules(g: GroupSpec): readonly PreparedRule[] {
  const shared = g.shared ?? [];
  if (shared.length === 0) return prepare(g.rules);
  if (g.rules.length === 0) return prepare(shared);
  const b = prepare(shared);
  const names = namesCache.get(shared);
  // A name in both lists: let one sort of the concatenation decide which copy is kept.
  if (!names || g.rules.some((r) => names.has(r.name))) return prepare([...g.rules, ...shared]);
  const a = prepare(g.rules);
  const out: PreparedRule[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    // Names are distinct across the lists, so (priority, name) orders strictly.
    if (x.priority < y.priority || (x.priority === y.priority && x.name < y.name)) {
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

/** A layer as `addLayer` writes it, with each group's rules prepared but not materialised. */
export interface DescribedLayer {
  readonly layer: VfpLayer;
  /** `group.ruleIds` is empty: the rules are in `rules` (ids are `<group.id>/<name>`). */
  readonly groups: readonly { readonly group: VfpGroup; readonly rules: readonly PreparedRule[] }[];
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
    rules: groupRules(g),
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

/** Append one layer (with its groups and rules) for `portId`; returns the layer id. */
export function addLayer(out: VfpTables, portId: string, spec: LayerSpec): string {
  const { layer, groups } = describeLayer(portId, spec);
  for (const { group, rules } of groups) {
    const groupId = group.id;
    const layerId = layer.id;
    const ruleIds: string[] = [];
    for (const r of rules) {
      const ruleId = `${groupId}/${r.name}`;
      ruleIds.push(ruleId);
      // Conditions, action and provenance objects are shared by every port with this rule.
      out.rules[ruleId] = {
        id: ruleId,
        groupId,
        layerId,
        portId,
        name: r.name,
        friendlyName: null,
        priority: r.priority,
        type: r.type,
        terminating: r.terminating,
        stateful: r.stateful,
        conditions: r.conditions,
        action: r.action,
        provenance: r.provenance,
      };
    }
    out.groups[groupId] = { ...group, ruleIds };
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
