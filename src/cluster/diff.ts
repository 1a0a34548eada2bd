/**
 * What changed between two snapshots (before / after) of the same node(s), or between two
 * nodes that should be alike: objects added, removed and changed field by field, VFP rules
 * included. Objects are matched by what they are, not by GUID (HNS gives a recreated endpoint a
 * new GUID): a network by node and name, an endpoint by node, IP and remote-ness, a load
 * balancer by node, VIPs, protocol and port, a VFP rule by node, port owner, layer, group and
 * name. Nodes are matched by name; when each side holds exactly one node, those two are compared.
 *
 * VFP rules come from a vfpctrl dump or are derived by hnsviz from the HNS policies; each rule
 * of the diff says which (`derived`). A big dump's derivation is deferred at import (no rules in
 * the model, `I_VFP_DEFERRED`): here only the ports whose HNS inputs changed are derived, on both
 * sides (the others derive the same rules before and after), up to `maxDerivedRules`; `vfp`
 * counts the ports derived, left alone and left out.
 */
import { vfpDerivable, vfpPortDeriver } from '../model/program-vfp';
import { allVfpRules, rulesOfGroup } from '../model/vfp-rules';
import type { Endpoint, Port, Topology, VfpRule } from '../model/types';

export const DIFF_FORMAT = 'hnsviz.diff/1';

export type DiffKind = 'node' | 'network' | 'endpoint' | 'loadBalancer' | 'rule';

export interface DiffObject {
  readonly kind: DiffKind;
  readonly id: string;
  /** The node's id on its side. */
  readonly node: string | null;
  /** What matched the two sides, e.g. `WIN-B|endpoint|10.244.2.10|local`. */
  readonly key: string;
  /** For people: `endpoint b1_cbr0 10.244.2.10 on WIN-B`. */
  readonly label: string;
  /** Rules only: true when hnsviz derived the rule from HNS policies (not read from vfpctrl). */
  readonly derived?: boolean;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface DiffChanged {
  readonly kind: DiffKind;
  readonly key: string;
  readonly label: string;
  readonly before: { readonly id: string; readonly node: string | null };
  readonly after: { readonly id: string; readonly node: string | null };
  readonly fields: readonly FieldChange[];
  /** Rules only: true when the after side's rule was derived by hnsviz. */
  readonly derived?: boolean;
}

/** How the VFP rules of ports whose derivation was deferred at import were compared. */
export interface DiffVfpCoverage {
  /** Deferred ports derived here (on both sides) because their HNS inputs changed. */
  readonly derivedPorts: number;
  /** Deferred ports not derived: nothing they derive from changed, so neither did their rules. */
  readonly unchangedPorts: number;
  /** Deferred ports whose inputs changed but that went past `ruleLimit`: their rules are not compared. */
  readonly skippedPorts: number;
  /** The first skipped ports, for people (`10.244.2.30 on WIN-B`). */
  readonly skipped: readonly string[];
  /** The estimated number of derived rules the diff allows itself per side. */
  readonly ruleLimit: number;
}

export interface TopologyDiff {
  readonly format: typeof DIFF_FORMAT;
  readonly added: readonly DiffObject[];
  readonly removed: readonly DiffObject[];
  readonly changed: readonly DiffChanged[];
  readonly vfp: DiffVfpCoverage;
}

export interface DiffOptions {
  /**
   * Derive deferred ports until this many rules (estimated as the parser does: load balancers
   * of the port's node + 10 per port) on each side. Default `MAX_DIFF_DERIVED_RULES`.
   */
  readonly maxDerivedRules?: number;
}

/** Same order as the import's own threshold: a diff derives no more than an import would. */
export const MAX_DIFF_DERIVED_RULES = 200_000;
const SKIPPED_LISTED = 20;

interface Entry {
  readonly obj: DiffObject;
  readonly fields: Readonly<Record<string, unknown>>;
}

const sortStrings = (xs: readonly string[]): string[] => [...xs].sort();

/** Every comparable object of `t`, by match key. */
function entries(t: Topology, nodeKey: (id: string) => string): Map<string, Entry> {
  const m = new Map<string, Entry>();
  const nodeName = (id: string): string => t.nodes[id]?.name ?? id;
  const add = (
    kind: DiffKind,
    id: string,
    node: string | null,
    key: string,
    label: string,
    fields: Record<string, unknown>,
  ): void => {
    let k = `${node === null ? '' : nodeKey(node)}|${kind}|${key}`;
    // Two objects with one key on one side (a duplicate): keep both, numbered.
    for (let n = 2; m.has(k); n++) k = `${k}#${n}`;
    m.set(k, { obj: { kind, id, node, key: k, label }, fields });
  };
  const epIp = (id: string): string => t.endpoints[id]?.ipAddress ?? id;
  for (const id of t.nodeIds) {
    const n = t.nodes[id];
    if (!n) continue;
    add('node', id, id, '', `node ${n.name}`, {
      managementIp: n.managementIp,
      podCidr: n.podCidr,
      routes: n.hostStack.routes.map(
        (r) => `${r.prefix} via ${r.nextHop ?? 'on-link'} (${r.interface})`,
      ),
    });
  }
  for (const n of Object.values(t.networks))
    add('network', n.id, n.nodeId, n.name, `network ${n.name} on ${nodeName(n.nodeId)}`, {
      type: n.type,
      subnets: n.subnets,
      managementIp: n.managementIp,
      drMac: n.drMac,
      policies: n.policies,
    });
  const epLabel = (e: Endpoint): string =>
    `${e.isRemote ? 'remote endpoint' : 'endpoint'} ${e.name || e.id} ${e.ipAddress ?? ''} on ${nodeName(e.nodeId)}`;
  for (const e of Object.values(t.endpoints))
    add(
      'endpoint',
      e.id,
      e.nodeId,
      `${e.ipAddress ?? e.name}|${e.isRemote ? 'remote' : 'local'}`,
      epLabel(e),
      {
        name: e.name,
        role: e.role,
        macAddress: e.macAddress,
        prefixLength: e.prefixLength,
        gatewayAddress: e.gatewayAddress,
        network: t.networks[e.networkId]?.name ?? e.networkId,
        state: e.state,
        policies: e.policies,
      },
    );
  for (const lb of Object.values(t.loadBalancers)) {
    const vips = lb.frontendVips.length > 0 ? sortStrings(lb.frontendVips).join(',') : 'NodePort';
    add(
      'loadBalancer',
      lb.id,
      lb.nodeId,
      `${vips}|${lb.protocol}|${lb.externalPort}|${lb.kind}`,
      `load balancer ${vips}:${lb.externalPort}/${lb.protocol} on ${nodeName(lb.nodeId)}`,
      {
        backends: sortStrings(lb.backendEndpointIds.map(epIp)),
        internalPort: lb.internalPort,
        sourceVip: lb.sourceVip,
        flags: lb.flags,
        distribution: lb.distribution,
      },
    );
  }
  for (const r of allVfpRules(t)) addRule(t, m, nodeKey, r);
  return m;
}

/** A port's match key (without its node): its endpoint's IP, else its name, else its id. */
function portOwner(t: Topology, port: Port | undefined, portId: string): string {
  const ep = port?.endpointId ? t.endpoints[port.endpointId] : undefined;
  return ep?.ipAddress ?? port?.friendlyName ?? portId;
}

function addRule(
  t: Topology,
  m: Map<string, Entry>,
  nodeKey: (id: string) => string,
  r: VfpRule,
  layers: Topology['layers'] = t.layers,
  groups: Topology['groups'] = t.groups,
): void {
  const port = t.ports[r.portId];
  const owner = portOwner(t, port, r.portId);
  const layer = layers[r.layerId]?.name ?? r.layerId;
  const group = groups[r.groupId]?.name ?? r.groupId;
  const node = port?.nodeId ?? null;
  let k = `${node === null ? '' : nodeKey(node)}|rule|${owner}|${layer}|${group}|${r.name}`;
  for (let n = 2; m.has(k); n++) k = `${k}#${n}`;
  const where = port ? ` on ${t.nodes[port.nodeId]?.name ?? port.nodeId}` : '';
  m.set(k, {
    obj: {
      kind: 'rule',
      id: r.id,
      node,
      key: k,
      label: `VFP rule ${r.name} (${layer}/${group}) on port ${owner}${where}`,
      derived: r.provenance.derived,
    },
    fields: {
      priority: r.priority,
      type: r.type,
      terminating: r.terminating,
      stateful: r.stateful,
      conditions: r.conditions,
      action: r.action,
    },
  });
}

/** Ports that would have derived layers but have none: their derivation was deferred. */
function deferredPorts(t: Topology): Port[] {
  const derivable = vfpDerivable(t);
  return Object.values(t.ports).filter(derivable);
}

/** Node match keys: names when they are shared, `` when each side has one node. */
function nodeKeys(a: Topology, b: Topology): [(id: string) => string, (id: string) => string] {
  const one = (t: Topology): boolean => t.nodeIds.length === 1;
  if (one(a) && one(b)) return [() => '', () => ''];
  const byName = (t: Topology) => (id: string) => (t.nodes[id]?.name ?? id).toLowerCase();
  return [byName(a), byName(b)];
}

const json = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

const isRule = (k: string, m: Map<string, Entry>): boolean => m.get(k)?.obj.kind === 'rule';

function compare(
  a: Map<string, Entry>,
  b: Map<string, Entry>,
): Pick<TopologyDiff, 'added' | 'removed' | 'changed'> {
  const added: DiffObject[] = [];
  const removed: DiffObject[] = [];
  const changed: DiffChanged[] = [];
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) {
      removed.push(x.obj);
      continue;
    }
    const fields: FieldChange[] = [];
    for (const f of Object.keys(x.fields))
      if (json(x.fields[f]) !== json(y.fields[f]))
        fields.push({ field: f, before: x.fields[f], after: y.fields[f] });
    if (fields.length > 0)
      changed.push({
        kind: x.obj.kind,
        key: k,
        label: y.obj.label,
        before: { id: x.obj.id, node: x.obj.node },
        after: { id: y.obj.id, node: y.obj.node },
        fields,
        ...(y.obj.derived !== undefined ? { derived: y.obj.derived } : {}),
      });
  }
  for (const [k, y] of b) if (!a.has(k)) added.push(y.obj);
  return { added, removed, changed };
}

export function diffTopologies(
  before: Topology,
  after: Topology,
  opts: DiffOptions = {},
): TopologyDiff {
  const limit = opts.maxDerivedRules ?? MAX_DIFF_DERIVED_RULES;
  const [ka, kb] = nodeKeys(before, after);
  const a = entries(before, ka);
  const b = entries(after, kb);

  // Deferred ports: derive those whose inputs changed. A port derives from its own endpoint and
  // from its node (the node, its networks, its load balancers and their backends), so a change
  // to anything but a local endpoint makes every deferred port of that node a candidate.
  const sides = [
    { t: before, key: ka, m: a, deferred: deferredPorts(before) },
    { t: after, key: kb, m: b, deferred: deferredPorts(after) },
  ];
  const vfp = { derivedPorts: 0, unchangedPorts: 0, skippedPorts: 0, skipped: [] as string[] };
  if (sides[0]!.deferred.length + sides[1]!.deferred.length > 0) {
    const wholeNode = new Set<string>();
    const ownChange = new Set<string>();
    const touched = (x: DiffObject): void => {
      const node = x.key.slice(0, x.key.indexOf('|'));
      if (x.kind === 'endpoint' && x.key.endsWith('|local')) {
        // `<node>|endpoint|<ip or name>|local` → the port key `<node>|<ip or name>`.
        ownChange.add(`${node}|${x.key.slice(node.length + 10, -6)}`);
      } else wholeNode.add(node);
    };
    const nonRule = compare(
      new Map([...a].filter(([k]) => !isRule(k, a))),
      new Map([...b].filter(([k]) => !isRule(k, b))),
    );
    for (const x of [...nonRule.added, ...nonRule.removed]) touched(x);
    for (const x of nonRule.changed) touched({ ...x, id: x.after.id, node: x.after.node });
    // Per port key: the port on each side, programmed or deferred.
    const ports = new Map<string, { label: string; ports: (Port | null)[]; deferred: boolean[] }>();
    sides.forEach((side, i) => {
      const deferred = new Set(side.deferred);
      for (const p of Object.values(side.t.ports)) {
        const k = `${side.key(p.nodeId)}|${portOwner(side.t, p, p.id)}`;
        const e = ports.get(k) ?? {
          label: `${portOwner(side.t, p, p.id)} on ${side.t.nodes[p.nodeId]?.name ?? p.nodeId}`,
          ports: [null, null],
          deferred: [false, false],
        };
        e.ports[i] = p;
        e.deferred[i] = deferred.has(p);
        ports.set(k, e);
      }
    });
    const lbsOn = sides.map((side) => {
      const n = new Map<string, number>();
      for (const lb of Object.values(side.t.loadBalancers))
        n.set(lb.nodeId, (n.get(lb.nodeId) ?? 0) + 1);
      return n;
    });
    // Candidates: the port's own endpoint changed first (the likeliest question), then its node.
    const own: string[] = [];
    const node: string[] = [];
    for (const [k, e] of ports) {
      if (!e.deferred[0] && !e.deferred[1]) continue;
      // Programmed on one side, deferred on the other: only deriving compares them.
      const mixed = e.ports[0] !== null && e.ports[1] !== null && e.deferred[0] !== e.deferred[1];
      if (ownChange.has(k) || mixed) own.push(k);
      else if (wholeNode.has(k.slice(0, k.indexOf('|')))) node.push(k);
      else vfp.unchangedPorts++;
    }
    const derivers = sides.map((side) => vfpPortDeriver(side.t));
    const spent = [0, 0];
    for (const k of [...own.sort(), ...node.sort()]) {
      const e = ports.get(k)!;
      const cost = e.ports.map((p, i) =>
        p && e.deferred[i] ? (lbsOn[i]!.get(p.nodeId) ?? 0) + 10 : 0,
      );
      if (spent.some((s, i) => s > 0 && s + cost[i]! > limit)) {
        vfp.skippedPorts++;
        if (vfp.skipped.length < SKIPPED_LISTED) vfp.skipped.push(e.label);
        continue;
      }
      vfp.derivedPorts++;
      sides.forEach((side, i) => {
        const p = e.ports[i];
        if (!p || !e.deferred[i]) return;
        spent[i]! += cost[i]!;
        const tables = derivers[i]!(p.id);
        const view: Topology = { ...side.t, ...tables };
        for (const layerId of tables.layerIds)
          for (const groupId of tables.layers[layerId]?.groupIds ?? []) {
            const g = tables.groups[groupId];
            if (g)
              for (const r of rulesOfGroup(view, g))
                addRule(side.t, side.m, side.key, r, tables.layers, tables.groups);
          }
      });
    }
  }
  return {
    format: DIFF_FORMAT,
    ...compare(a, b),
    vfp: { ...vfp, ruleLimit: limit },
  };
}
