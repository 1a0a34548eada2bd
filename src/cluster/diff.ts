/**
 * What changed between two snapshots (before / after) of the same node(s), or between two
 * nodes that should be alike: objects added, removed and changed field by field, VFP rules
 * included. Objects are matched by what they are, not by GUID (HNS gives a recreated endpoint a
 * new GUID): a network by node and name, an endpoint by node, IP and remote-ness, a load
 * balancer by node, VIPs, protocol and port, a VFP rule by node, port owner, layer, group and
 * name. Nodes are matched by name; when each side holds exactly one node, those two are compared.
 */
import { allVfpRules } from '../model/vfp-rules';
import type { Endpoint, Topology } from '../model/types';

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
}

export interface TopologyDiff {
  readonly format: typeof DIFF_FORMAT;
  readonly added: readonly DiffObject[];
  readonly removed: readonly DiffObject[];
  readonly changed: readonly DiffChanged[];
}

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
  for (const r of allVfpRules(t)) {
    const port = t.ports[r.portId];
    const ep = port?.endpointId ? t.endpoints[port.endpointId] : undefined;
    const owner = ep?.ipAddress ?? port?.friendlyName ?? r.portId;
    const layer = t.layers[r.layerId]?.name ?? r.layerId;
    const group = t.groups[r.groupId]?.name ?? r.groupId;
    add(
      'rule',
      r.id,
      port?.nodeId ?? null,
      `${owner}|${layer}|${group}|${r.name}`,
      `VFP rule ${r.name} (${layer}/${group}) on port ${owner}${port ? ` on ${nodeName(port.nodeId)}` : ''}`,
      {
        priority: r.priority,
        type: r.type,
        terminating: r.terminating,
        stateful: r.stateful,
        conditions: r.conditions,
        action: r.action,
      },
    );
  }
  return m;
}

/** Node match keys: names when they are shared, `` when each side has one node. */
function nodeKeys(a: Topology, b: Topology): [(id: string) => string, (id: string) => string] {
  const one = (t: Topology): boolean => t.nodeIds.length === 1;
  if (one(a) && one(b)) return [() => '', () => ''];
  const byName = (t: Topology) => (id: string) => (t.nodes[id]?.name ?? id).toLowerCase();
  return [byName(a), byName(b)];
}

const json = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

export function diffTopologies(before: Topology, after: Topology): TopologyDiff {
  const [ka, kb] = nodeKeys(before, after);
  const a = entries(before, ka);
  const b = entries(after, kb);
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
      });
  }
  for (const [k, y] of b) if (!a.has(k)) added.push(y.obj);
  return { format: DIFF_FORMAT, added, removed, changed };
}
