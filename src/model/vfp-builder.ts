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

/** A Provenance for a derived VFP object. */
export function derived(
  by: Provenance['by'],
  id: string | null,
  detail: string | null,
  confidence: Confidence,
  ref: string,
): Provenance {
  return { by, id, detail, confidence, ref, derived: true };
}

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

/** Append one layer (with its groups and rules) for `portId`; returns the layer id. */
export function addLayer(out: VfpTables, portId: string, spec: LayerSpec): string {
  const layerId = `${portId}/${spec.name}`;
  const groupIds: string[] = [];
  for (const g of spec.groups) {
    const groupId = `${layerId}/${g.name}`;
    const ruleIds: string[] = [];
    const seen = new Set<string>();
    for (const r of [...g.rules].sort((a, b) => a.priority - b.priority || cmp(a.name, b.name))) {
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      const ruleId = `${groupId}/${r.name}`;
      ruleIds.push(ruleId);
      out.rules[ruleId] = {
        id: ruleId,
        groupId,
        layerId,
        portId,
        name: r.name,
        friendlyName: null,
        priority: r.priority,
        type: r.type,
        terminating: r.terminating ?? false,
        stateful: r.stateful ?? false,
        conditions: { ...ANY, ...r.conditions },
        action: r.action,
        provenance: r.provenance,
      };
    }
    groupIds.push(groupId);
    out.groups[groupId] = {
      id: groupId,
      layerId,
      portId,
      name: g.name,
      direction: g.direction,
      family: g.family ?? 'ipv4',
      priority: g.priority,
      matchType: g.matchType ?? 'priority',
      ruleIds,
      provenance: g.provenance,
    };
  }
  out.layers[layerId] = {
    id: layerId,
    portId,
    name: spec.name,
    priority: spec.priority,
    stateful: spec.stateful,
    defaultAction: 'allow',
    groupIds,
    provenance: spec.provenance,
  };
  return layerId;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Protocol number → the suffix HNS rule names use (`6`, `17`). */
export function protoName(p: number): string {
  return p === 6 ? 'TCP' : p === 17 ? 'UDP' : String(p);
}
