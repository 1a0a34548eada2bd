/**
 * vfpctrl records → VFP ports, layers, groups and rules. Port names that are HNS endpoint ids
 * link the port to its endpoint. Blocks whose port, layer or group is unknown (a sample without
 * the command line) hang under explicit `(unknown …)` parents instead of being dropped.
 */

import type {
  Port,
  PortRange,
  RuleAction,
  RuleConditions,
  Topology,
  VfpGroup,
  VfpLayer,
  VfpRule,
  VfpRuleType,
} from '../../model/types';
import { NODE_ID, VSWITCH_ID, provenance } from './ids';
import type { RawVfp } from '../formats/raw';
import { mac, normId, protocol } from '../normalise/values';
import { copyTable, emptyTable } from '../../shared/table';
import { VFP_RULE_TYPES } from '../../model/vfp-types';

export type VfpInput = RawVfp & { readonly input: string };

// `other` is what an unknown type text becomes, never a type read as such.
const RULE_TYPES: readonly VfpRuleType[] = VFP_RULE_TYPES.filter((t) => t !== 'other');

function split(v: string | undefined): string[] | null {
  if (v === undefined) return null;
  const parts = v.split(/[,;\s]+/).filter((s) => s !== '' && s !== '<none>');
  return parts.length > 0 ? parts : null;
}

function ranges(v: string | undefined): PortRange[] | null {
  const parts = split(v);
  if (parts === null) return null;
  const out: PortRange[] = [];
  for (const p of parts) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(p);
    if (m) out.push({ from: Number(m[1]), to: Number(m[2] ?? m[1]) });
  }
  return out.length > 0 ? out : null;
}

function conditions(c: Record<string, string>): RuleConditions {
  const get = (...keys: string[]): string | undefined => {
    for (const [k, v] of Object.entries(c)) if (keys.includes(k.toLowerCase())) return v;
    return undefined;
  };
  const protos = split(get('protocols', 'protocol'))
    ?.map((p) => protocol(p))
    .filter((p): p is number => p !== undefined);
  return {
    srcPrefixes: split(get('source ip', 'source ips', 'source ip prefix')),
    dstPrefixes: split(get('destination ip', 'destination ips', 'destination ip prefix')),
    srcPorts: ranges(get('source ports', 'source port')),
    dstPorts: ranges(get('destination ports', 'destination port')),
    protocols: protos && protos.length > 0 ? protos : null,
  };
}

/**
 * The work `buildVfp` did, counted for tests (not timed): id-list elements it wrote or looked
 * at while placing layers in ports, groups in layers and rules in groups.
 */
export interface VfpBuildWork {
  elements: number;
}

export function buildVfp(
  t: Topology,
  items: readonly VfpInput[],
  work: VfpBuildWork = { elements: 0 },
): Topology {
  if (items.length === 0) return t;
  const ports = copyTable<Port>(t.ports);
  const layers = emptyTable<VfpLayer>();
  const groups = emptyTable<VfpGroup>();
  const rules = emptyTable<VfpRule>();
  // Children read here, per parent id, in reading order, with a set for membership: each list
  // is written once at the end (copying a parent's list per child made a long one quadratic).
  const newLayers = new Children();
  const newGroups = new Children();
  /** Per group, the ids of rules read here, in reading order (appended once, at the end). */
  const newRules = new Map<string, string[]>();
  const endpoints = copyTable(t.endpoints);
  const origin = (it: VfpInput): Parameters<typeof provenance>[0] => ({
    input: it.input,
    line: it.line,
    rendering: it.kind === 'port' ? 'vfpctrl-ports' : 'vfpctrl-rules',
    schema: 1,
  });

  const ensurePort = (name: string | null, it: VfpInput): string => {
    const key = name === null ? 'unknown' : (normId(name) ?? name);
    const id = `port:${key}`;
    if (!(id in ports)) {
      const epId = key in endpoints ? key : null;
      ports[id] = {
        id,
        nodeId: NODE_ID,
        vswitchId: VSWITCH_ID,
        kind: 'container',
        name: name ?? '(unknown port)',
        friendlyName: name ?? '(unknown port)',
        mac: epId !== null ? (endpoints[epId]?.macAddress ?? null) : null,
        endpointId: epId,
        layerIds: [],
        provenance: provenance(origin(it), name === null),
      };
      if (epId !== null && endpoints[epId] && !endpoints[epId].isRemote)
        endpoints[epId] = { ...endpoints[epId], portId: id };
    }
    return id;
  };
  const ensureLayer = (
    portId: string,
    name: string | null,
    it: VfpInput,
    f: Record<string, string> = {},
  ): string => {
    const id = `${portId}/layer:${name ?? 'unknown'}`;
    const flags = f['Flags'] ?? '';
    if (!(id in layers) || Object.keys(f).length > 0) {
      layers[id] = {
        id,
        portId,
        name: name ?? '(unknown layer)',
        priority: Number(f['Priority'] ?? layers[id]?.priority ?? 0) || 0,
        stateful: /stateful/i.test(flags) || /STATEFUL/.test(name ?? ''),
        defaultAction: /default (block|deny|drop)/i.test(flags) ? 'block' : 'allow',
        groupIds: layers[id]?.groupIds ?? [],
        provenance: provenance(origin(it), name === null),
      };
    }
    newLayers.add(portId, id, ports[portId]!.layerIds, work);
    return id;
  };
  const ensureGroup = (
    layerId: string,
    portId: string,
    name: string | null,
    it: VfpInput,
    f: Record<string, string> = {},
  ): string => {
    const id = `${layerId}/group:${name ?? 'unknown'}`;
    if (!(id in groups) || Object.keys(f).length > 0) {
      const dir =
        (f['Direction'] ?? '').toLowerCase() || (/_IN(_|$)/i.test(name ?? '') ? 'in' : 'out');
      groups[id] = {
        id,
        layerId,
        portId,
        name: name ?? '(unknown group)',
        direction: dir === 'in' ? 'in' : 'out',
        family: /ipv6/i.test(f['Type'] ?? name ?? '') ? 'ipv6' : 'ipv4',
        priority: Number(f['Priority'] ?? groups[id]?.priority ?? 0) || 0,
        matchType: /longest|lpm/i.test(f['Match type'] ?? '') ? 'lpm' : 'priority',
        ruleIds: groups[id]?.ruleIds ?? [],
        provenance: provenance(origin(it), name === null),
      };
    }
    newGroups.add(layerId, id, layers[layerId]!.groupIds, work);
    return id;
  };

  let seq = 0;
  for (const it of items) {
    if (it.kind === 'port') {
      const id = ensurePort(it.name, it);
      const friendly = it.fields['Port Friendly name'] ?? it.name;
      const p = ports[id]!;
      const kind = /^Container NIC/i.test(friendly)
        ? 'host-vnic'
        : /ExternalPort/i.test(friendly)
          ? 'external'
          : p.kind;
      ports[id] = {
        ...p,
        friendlyName: friendly,
        kind,
        mac: mac(it.fields['MAC address']) ?? p.mac,
        provenance: provenance(origin(it)),
      };
      continue;
    }
    const portId = ensurePort(it.context.port, it);
    if (it.kind === 'layer') {
      ensureLayer(portId, it.name || null, it, it.fields);
      continue;
    }
    const layerId = ensureLayer(portId, it.context.layer, it);
    if (it.kind === 'group') {
      ensureGroup(layerId, portId, it.name || null, it, it.fields);
      continue;
    }
    const groupId = ensureGroup(layerId, portId, it.context.group, it);
    const typeText = (it.fields['Type'] ?? '').toLowerCase();
    const type = (RULE_TYPES as readonly string[]).includes(typeText)
      ? (typeText as VfpRuleType)
      : 'other';
    const flags = it.fields['Flags'] ?? '';
    const name = it.name || it.fields['Friendly name'] || `rule-${++seq}`;
    const action: RuleAction =
      type === 'allow' || type === 'block'
        ? { kind: type }
        : type === 'paroute'
          ? { kind: 'paroute', nextHop: null }
          : { kind: 'other', text: [typeText, ...it.ruleData].join('; ') };
    const id = `${groupId}/rule:${name}`;
    // A rule read again under the same name replaces the first and keeps its place.
    if (!(id in rules)) {
      let list = newRules.get(groupId);
      if (!list) newRules.set(groupId, (list = []));
      list.push(id);
      work.elements++;
    }
    rules[id] = {
      id,
      groupId,
      layerId,
      portId,
      name,
      friendlyName: it.fields['Friendly name'] ?? null,
      priority: Number(it.fields['Priority'] ?? 0) || 0,
      type,
      terminating: /terminating/i.test(flags),
      stateful: /stateful/i.test(flags),
      conditions: conditions(it.conditions),
      action,
      provenance: provenance(origin(it)),
    };
  }
  for (const [id, list] of newGroups.lists) {
    const l = layers[id]!;
    layers[id] = { ...l, groupIds: newGroups.joined(l.groupIds, list, work) };
  }
  // Evaluation order: layers and rules by priority (stable).
  for (const [id, p] of Object.entries(ports)) {
    const list = newLayers.lists.get(id);
    const layerIds = list ? newLayers.joined(p.layerIds, list, work) : p.layerIds;
    if (layerIds.length > 1)
      ports[id] = {
        ...p,
        layerIds: [...layerIds].sort((a, b) => layers[a]!.priority - layers[b]!.priority),
      };
    else if (list) ports[id] = { ...p, layerIds };
  }
  for (const [id, g] of Object.entries(groups)) {
    const list = newRules.get(id) ?? [];
    work.elements += g.ruleIds.length + list.length;
    groups[id] = {
      ...g,
      ruleIds: [...g.ruleIds, ...list].sort((a, b) => rules[a]!.priority - rules[b]!.priority),
    };
  }
  return { ...t, ports, layers, groups, rules, endpoints };
}

/** Child ids added to parents (ports' layers, layers' groups), each once, in reading order. */
class Children {
  readonly lists = new Map<string, string[]>();
  private readonly seen = new Map<string, Set<string>>();

  /** Add `child` under `parent` unless it is there already (in `existing` or added before). */
  add(parent: string, child: string, existing: readonly string[], work: VfpBuildWork): void {
    let seen = this.seen.get(parent);
    if (!seen) {
      // The parent's list as it came in, looked at once.
      this.seen.set(parent, (seen = new Set(existing)));
      work.elements += existing.length;
    }
    if (seen.has(child)) return;
    seen.add(child);
    let list = this.lists.get(parent);
    if (!list) this.lists.set(parent, (list = []));
    list.push(child);
    work.elements++;
  }

  /** The parent's list with its added children after it. */
  joined(existing: readonly string[], added: readonly string[], work: VfpBuildWork): string[] {
    work.elements += existing.length + added.length;
    return [...existing, ...added];
  }
}
