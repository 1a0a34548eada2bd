/**
 * The object tree: every selectable object in a nested outline (node → host stack, vSwitch →
 * networks → endpoints → ports → layers → groups → rules, pods, load balancers; then services,
 * externals and wires). The UI renders it as an ARIA tree, the keyboard path to every object.
 */
import { compareNatural } from './collate';
import type { Port, Topology } from '../model/types';
import { rulesOfGroup } from '../model/vfp-rules';
import { syntheticId } from './geometry';
import { indexTopology, lbName, type ObjectIndex, type ObjectKind } from './object-index';

/** One row of the outline. Headings (`objectId` null) only group their children. */
export interface TreeNode {
  /** Unique in the tree (the object id, or `heading:…`). */
  readonly key: string;
  readonly objectId: string | null;
  readonly kind: ObjectKind | 'heading';
  readonly label: string;
  readonly children: readonly TreeNode[];
  /** Derived by hnsviz (from HNS policies) rather than read from the input (dumps). */
  readonly derived?: true;
}

const leaf = (
  objectId: string,
  kind: ObjectKind,
  label: string,
  children: TreeNode[] = [],
): TreeNode => ({
  key: objectId,
  objectId,
  kind,
  label,
  children,
});

const heading = (key: string, label: string, children: TreeNode[]): TreeNode[] =>
  children.length === 0
    ? []
    : [{ key: `heading:${key}`, objectId: null, kind: 'heading', label, children }];

const trees = new WeakMap<Topology, TreeNode[]>();

/** Build the outline of `t` in a stable order. */
export function buildObjectTree(t: Topology): TreeNode[] {
  // Topologies are immutable: one tree per topology (a dump's is built before it is shown).
  const hit = trees.get(t);
  if (hit) return hit;
  const roots: TreeNode[] = t.nodeIds.flatMap((nodeId) => {
    const node = t.nodes[nodeId];
    return node ? [nodeTree(t, nodeId)] : [];
  });
  const services = Object.values(t.services).sort((a, b) => a.name.localeCompare(b.name));
  roots.push(
    ...heading(
      'services',
      'Services',
      services.map((s) => leaf(s.id, 'service', `${s.name} · ${s.clusterIp}`)),
    ),
  );
  const externals = Object.values(t.externals).sort((a, b) => a.name.localeCompare(b.name));
  roots.push(
    ...heading('outside', 'Outside the cluster', [
      ...(t.underlay ? [leaf(syntheticId.underlay, 'wire', `Underlay ${t.underlay.subnet}`)] : []),
      ...externals.map((x) =>
        leaf(x.id, 'external', `${x.name} · ${x.ip}`, [
          leaf(syntheticId.externalWire(x.id), 'wire', `Wire to ${x.name}`),
        ]),
      ),
    ]),
  );
  const marked = markDerived(roots, indexTopology(t));
  trees.set(t, marked);
  return marked;
}

/** `derived: true` on the rows of derived objects (the drawing dashes the same objects). */
function markDerived(nodes: readonly TreeNode[], index: ObjectIndex): TreeNode[] {
  return nodes.map((n) => {
    const children = n.children.length > 0 ? markDerived(n.children, index) : n.children;
    const derived = n.objectId !== null && index[n.objectId]?.provenance?.derived === true;
    return derived ? { ...n, children, derived: true } : { ...n, children };
  });
}

function nodeTree(t: Topology, nodeId: string): TreeNode {
  const node = t.nodes[nodeId];
  if (!node) throw new Error(`unknown node ${nodeId}`);
  const host: TreeNode[] = [];
  if (node.kubeProxy)
    host.push(
      leaf(syntheticId.kubeProxy(nodeId), 'kube-proxy', `kube-proxy (${node.kubeProxy.mode})`),
    );
  if (node.winnat)
    host.push(leaf(syntheticId.winnat(nodeId), 'winnat', `WinNAT ${node.winnat.name}`));
  const pods = Object.values(t.pods)
    .filter((p) => p.nodeId === nodeId)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => leaf(p.id, 'pod', `${p.name} · ${p.ip}`));
  const lbs = Object.values(t.loadBalancers)
    .filter((lb) => lb.nodeId === nodeId)
    .map((lb) => leaf(lb.id, 'load-balancer', `${lb.kind} ${lbName(t, lb.id)}`))
    .sort((a, b) => compareNatural(a.label, b.label));
  return leaf(nodeId, 'node', `${node.name}${node.managementIp ? ` · ${node.managementIp}` : ''}`, [
    leaf(syntheticId.hostStack(nodeId), 'host-stack', 'Host TCP/IP stack', host),
    ...node.vswitchIds.flatMap((id) => (t.vswitches[id] ? [vswitchTree(t, id)] : [])),
    ...heading(`${nodeId}:pods`, 'Pods', pods),
    ...heading(`${nodeId}:lbs`, 'Load balancers', lbs),
    leaf(syntheticId.uplink(nodeId), 'wire', 'Uplink to the underlay'),
  ]);
}

function vswitchTree(t: Topology, vswitchId: string): TreeNode {
  const vs = t.vswitches[vswitchId];
  if (!vs) throw new Error(`unknown vSwitch ${vswitchId}`);
  const networks = Object.values(t.networks)
    .filter(
      (n) =>
        n.vswitchId === vswitchId ||
        (n.vswitchId === null && n.nodeId === vs.nodeId && vs.networkIds.includes(n.id)),
    )
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((n) => {
      const eps = Object.values(t.endpoints)
        .filter((e) => e.networkId === n.id)
        .sort((a, b) => Number(a.isRemote) - Number(b.isRemote) || compareNatural(a.name, b.name))
        .map((e) => {
          const port = e.portId ? t.ports[e.portId] : undefined;
          return leaf(
            e.id,
            'endpoint',
            `${e.name} · ${e.ipAddress ?? 'no IP'}${e.isRemote ? ' (remote)' : ''}`,
            port ? [portTree(t, port)] : [],
          );
        });
      return leaf(n.id, 'network', `${n.name} · ${n.type}`, eps);
    });
  const loosePorts = vs.portIds
    .flatMap((id) => t.ports[id] ?? [])
    .filter((p) => p.endpointId === null || !t.endpoints[p.endpointId])
    .map((p) => portTree(t, p));
  return leaf(vswitchId, 'vswitch', `vSwitch ${vs.name} (${vs.kind})`, [
    ...networks,
    ...loosePorts,
  ]);
}

function portTree(t: Topology, port: Port): TreeNode {
  const layers = port.layerIds.flatMap((layerId) => {
    const layer = t.layers[layerId];
    if (!layer) return [];
    const groups = layer.groupIds.flatMap((groupId) => {
      const g = t.groups[groupId];
      if (!g) return [];
      const rules = rulesOfGroup(t, g).map((r) =>
        leaf(r.id, 'rule', `${r.priority} ${r.name} (${r.type})`),
      );
      return [leaf(g.id, 'group', `${g.name} (${g.direction})`, rules)];
    });
    return [leaf(layer.id, 'layer', layer.name, groups)];
  });
  return leaf(port.id, 'port', `port ${port.friendlyName || port.name}`, layers);
}

/** Key → parent key, for revealing a selected object in the outline. */
export function parentKeys(roots: readonly TreeNode[]): ReadonlyMap<string, string> {
  const parents = new Map<string, string>();
  const walk = (n: TreeNode): void => {
    for (const c of n.children) {
      parents.set(c.key, n.key);
      walk(c);
    }
  };
  roots.forEach(walk);
  return parents;
}
