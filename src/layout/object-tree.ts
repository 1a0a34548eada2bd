/**
 * The object tree: every selectable object in a nested outline (node → host stack, vSwitch →
 * networks → endpoints → ports → layers → groups → rules, pods, load balancers; then services,
 * externals and wires). The UI renders it as an ARIA tree, the keyboard path to every object.
 */
import { compareNatural } from './collate';
import type { Endpoint, Port, Topology, VfpGroup } from '../model/types';
import { valuesOf } from '../shared/table';
import { objectsOn } from './by-node';
import { rulesOfGroup } from '../model/vfp-rules';
import { isDeferredPort, withPortVfp } from '../model/port-vfp';
import { syntheticId } from './geometry';
import {
  EAGER_SET_RULES,
  indexTopologySteps,
  lbName,
  setRuleCount,
  underlayParts,
  type ObjectIndex,
  type ObjectKind,
} from './object-index';

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
  /**
   * The rows under it are made when first read (a group's rules in a topology with more than
   * `EAGER_SET_RULES` rules of shared sets): `parentKeys` does not walk them.
   */
  readonly lazy?: true;
  /**
   * A lazy row known to have rows without making them (a port whose VFP is derived when it
   * opens): the outline draws its expander without deriving it. Read with `hasRows`.
   */
  readonly opens?: true;
}

/** Whether `node` has rows under it; a row marked `opens` says so without making them. */
export function hasRows(node: TreeNode): boolean {
  return node.opens === true || node.children.length > 0;
}

/** A row whose rows `make` makes when they are first read (see `TreeNode.lazy`, `opens`). */
function lazyRow(
  objectId: string,
  kind: 'group' | 'port',
  label: string,
  make: () => TreeNode[],
  derived: boolean,
  opens = false,
): TreeNode {
  let rows: TreeNode[] | undefined;
  return {
    key: objectId,
    objectId,
    kind,
    label,
    get children(): readonly TreeNode[] {
      return (rows ??= make());
    },
    lazy: true,
    ...(opens ? { opens: true as const } : {}),
    ...(derived ? { derived: true as const } : {}),
  };
}

const heading = (key: string, label: string, children: TreeNode[]): TreeNode[] =>
  children.length === 0
    ? []
    : [{ key: `heading:${key}`, objectId: null, kind: 'heading', label, children }];

const trees = new WeakMap<Topology, TreeNode[]>();

/** Rows made between two pauses of `objectTreeSteps`. */
export const TREE_STEP = 1000;

/** Build the outline of `t` in a stable order. */
export function buildObjectTree(t: Topology): TreeNode[] {
  const steps = objectTreeSteps(t);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * `buildObjectTree` in steps (the object index first, if not built yet): pauses (yields) after
 * every `TREE_STEP` rows, so a caller on the page can let other tasks run between steps of a
 * big model. Cached per topology like `buildObjectTree`.
 */
export function* objectTreeSteps(t: Topology): Generator<void, TreeNode[]> {
  // Topologies are immutable: one tree per topology (a dump's is built before it is shown).
  const hit = trees.get(t);
  if (hit) return hit;
  const index = yield* indexTopologySteps(t);
  const tree = yield* treeOf(t, index);
  trees.set(t, tree);
  yield* parentKeysSteps(tree);
  return tree;
}

function* treeOf(t: Topology, index: ObjectIndex): Generator<void, TreeNode[]> {
  let made = 0;
  let paused = 0;
  /** Pause when a step's worth of rows was made since the last pause. */
  const due = (): boolean => {
    if (made - paused < TREE_STEP) return false;
    paused = made;
    return true;
  };
  /**
   * A row; `derived: true` on derived objects (the drawing dashes the same objects): read from
   * the object's index entry, or given (a VFP object's own provenance, as for rules: a big
   * topology's index makes VFP entries only when asked, and the outline asks for none).
   */
  const leaf = (
    objectId: string,
    kind: ObjectKind,
    label: string,
    children: TreeNode[] = [],
    derived = index[objectId]?.provenance?.derived === true,
  ): TreeNode => {
    made++;
    return derived
      ? { key: objectId, objectId, kind, label, children, derived: true }
      : { key: objectId, objectId, kind, label, children };
  };

  // Rows for hundreds of thousands of shared-set rules held ~270 MiB: made when a group opens.
  const lazy = setRuleCount(t) > EAGER_SET_RULES;
  const ruleRows = (g: VfpGroup, v: Topology = t): TreeNode[] =>
    rulesOfGroup(v, g).map((r) => {
      const label = `${r.priority} ${r.name} (${r.type})`;
      made++;
      return r.provenance?.derived === true
        ? { key: r.id, objectId: r.id, kind: 'rule', label, children: [], derived: true }
        : { key: r.id, objectId: r.id, kind: 'rule', label, children: [] };
    });
  const groupRow = (g: VfpGroup, v: Topology = t, lazyRules = lazy): TreeNode => {
    const label = `${g.name} (${g.direction})`;
    const derived = g.provenance?.derived === true;
    if (!lazyRules) return leaf(g.id, 'group', label, ruleRows(g, v), derived);
    return lazyRow(g.id, 'group', label, () => ruleRows(g, v), derived);
  };

  /** A port's layer rows, read from `v` (the model, or a view with the port's VFP derived). */
  const layerRows = (v: Topology, port: Port, lazyRules = lazy): TreeNode[] =>
    port.layerIds.flatMap((layerId) => {
      const layer = v.layers[layerId];
      if (!layer) return [];
      const groups = layer.groupIds.flatMap((groupId) => {
        const g = v.groups[groupId];
        if (!g) return [];
        return [groupRow(g, v, lazyRules)];
      });
      return [leaf(layer.id, 'layer', layer.name, groups, layer.provenance?.derived === true)];
    });
  const portTree = (port: Port): TreeNode => {
    const label = `port ${port.friendlyName || port.name}`;
    if (!isDeferredPort(t, port.id)) return leaf(port.id, 'port', label, layerRows(t, port));
    // A big dump's port: its VFP is derived when the row opens (`withPortVfp`), and its
    // groups' rules when they do (a group may list thousands).
    made++;
    const rows = () => {
      const v = withPortVfp(t, port.id);
      return layerRows(v, v.ports[port.id]!, true);
    };
    return lazyRow(
      port.id,
      'port',
      label,
      rows,
      index[port.id]?.provenance?.derived === true,
      true,
    );
  };

  /**
   * Each network's endpoints in table order, grouped once in steps (each vSwitch filtered the
   * whole endpoint table per network: 20,000 endpoints in one step, and again on every node).
   */
  let byNetwork: Map<string, Endpoint[]> | undefined;
  function* endpointsByNetwork(): Generator<void, ReadonlyMap<string, readonly Endpoint[]>> {
    if (byNetwork) return byNetwork;
    const grouped = new Map<string, Endpoint[]>();
    let seen = 0;
    for (const e of valuesOf(t.endpoints)) {
      const list = grouped.get(e.networkId);
      if (list) list.push(e);
      else grouped.set(e.networkId, [e]);
      if (++seen % (TREE_STEP * 4) === 0) yield;
    }
    return (byNetwork = grouped);
  }

  function* vswitchTree(vswitchId: string): Generator<void, TreeNode> {
    const vs = t.vswitches[vswitchId];
    if (!vs) throw new Error(`unknown vSwitch ${vswitchId}`);
    const networks = Object.values(t.networks)
      .filter(
        (n) =>
          n.vswitchId === vswitchId ||
          (n.vswitchId === null && n.nodeId === vs.nodeId && vs.networkIds.includes(n.id)),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    const rows: TreeNode[] = [];
    const onNetwork = yield* endpointsByNetwork();
    for (const n of networks) {
      const endpoints = [...(onNetwork.get(n.id) ?? [])].sort(
        (a, b) => Number(a.isRemote) - Number(b.isRemote) || compareNatural(a.name, b.name),
      );
      const eps: TreeNode[] = [];
      for (const e of endpoints) {
        const port = e.portId ? t.ports[e.portId] : undefined;
        eps.push(
          leaf(
            e.id,
            'endpoint',
            `${e.name} · ${e.ipAddress ?? 'no IP'}${e.isRemote ? ' (remote)' : ''}`,
            port ? [portTree(port)] : [],
          ),
        );
        if (due()) yield;
      }
      rows.push(leaf(n.id, 'network', `${n.name} · ${n.type}`, eps));
    }
    for (const id of vs.portIds) {
      const p = t.ports[id];
      if (!p || (p.endpointId !== null && t.endpoints[p.endpointId])) continue;
      rows.push(portTree(p));
      if (due()) yield;
    }
    return leaf(vswitchId, 'vswitch', `vSwitch ${vs.name} (${vs.kind})`, rows);
  }

  function* nodeTree(nodeId: string): Generator<void, TreeNode> {
    const node = t.nodes[nodeId];
    if (!node) throw new Error(`unknown node ${nodeId}`);
    const host: TreeNode[] = [];
    if (node.kubeProxy)
      host.push(
        leaf(syntheticId.kubeProxy(nodeId), 'kube-proxy', `kube-proxy (${node.kubeProxy.mode})`),
      );
    if (node.winnat)
      host.push(leaf(syntheticId.winnat(nodeId), 'winnat', `WinNAT ${node.winnat.name}`));
    const hostRow = leaf(syntheticId.hostStack(nodeId), 'host-stack', 'Host TCP/IP stack', host);
    const vswitches: TreeNode[] = [];
    for (const id of node.vswitchIds) if (t.vswitches[id]) vswitches.push(yield* vswitchTree(id));
    // The node's pods and load balancers in table order, as the layout grouped them.
    const on = objectsOn(t, nodeId);
    const pods = [...on.pods]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => leaf(p.id, 'pod', `${p.name} · ${p.ip}`));
    if (due()) yield;
    const lbs = on.loadBalancers
      .map((lb) => leaf(lb.id, 'load-balancer', `${lb.kind} ${lbName(t, lb.id)}`))
      .sort((a, b) => compareNatural(a.label, b.label));
    if (due()) yield;
    const children = [hostRow];
    for (const v of vswitches) children.push(v);
    for (const h of heading(`${nodeId}:pods`, 'Pods', pods)) children.push(h);
    for (const h of heading(`${nodeId}:lbs`, 'Load balancers', lbs)) children.push(h);
    children.push(leaf(syntheticId.uplink(nodeId), 'wire', 'Uplink to the underlay'));
    return leaf(
      nodeId,
      'node',
      `${node.name}${node.managementIp ? ` · ${node.managementIp}` : ''}`,
      children,
    );
  }

  const roots: TreeNode[] = [];
  for (const nodeId of t.nodeIds) if (t.nodes[nodeId]) roots.push(yield* nodeTree(nodeId));
  const services = Object.values(t.services).sort((a, b) => a.name.localeCompare(b.name));
  for (const h of heading(
    'services',
    'Services',
    services.map((s) => leaf(s.id, 'service', `${s.name} · ${s.clusterIp}`)),
  ))
    roots.push(h);
  const externals = Object.values(t.externals).sort((a, b) => a.name.localeCompare(b.name));
  const outside: TreeNode[] = [];
  if (t.underlay)
    outside.push(
      leaf(
        syntheticId.underlay,
        'wire',
        `Underlay ${t.underlay.subnet}`,
        underlayParts(t.nodeIds.length).map((p) => leaf(p.id, 'wire', p.name)),
      ),
    );
  for (const x of externals)
    outside.push(
      leaf(x.id, 'external', `${x.name} · ${x.ip}`, [
        leaf(syntheticId.externalWire(x.id), 'wire', `Wire to ${x.name}`),
      ]),
    );
  for (const h of heading('outside', 'Outside the cluster', outside)) roots.push(h);
  return roots;
}

/** Each outline's parent keys, made once (while the outline is built in steps, or on first use). */
const parentMaps = new WeakMap<readonly TreeNode[], ReadonlyMap<string, string>>();

/**
 * Key → parent key, for revealing a selected object in the outline. The rows of a `lazy` row
 * are not walked (that would make them all): a key found nowhere else whose `<group id>/…`
 * prefix is a lazy row's key has that row as its parent (how set rules are named). Cached per
 * outline: `objectTreeSteps` makes it in steps with the outline, so the first selection in a
 * big model does not walk every row in one task.
 */
export function parentKeys(roots: readonly TreeNode[]): ReadonlyMap<string, string> {
  const steps = parentKeysSteps(roots);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** `parentKeys` in steps: pauses after every `TREE_STEP` rows walked. */
function* parentKeysSteps(
  roots: readonly TreeNode[],
): Generator<void, ReadonlyMap<string, string>> {
  const hit = parentMaps.get(roots);
  if (hit) return hit;
  const parents = new ParentKeys();
  // Depth first, in the outline's order (a key met twice keeps the parent it was met under last).
  const stack: { readonly node: TreeNode; readonly parent: string | null }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, parent: null });
  let walked = 0;
  while (stack.length > 0) {
    parents.visit(stack);
    if (++walked % TREE_STEP === 0) yield;
  }
  parentMaps.set(roots, parents);
  return parents;
}

type Visit = { readonly node: TreeNode; readonly parent: string | null };

class ParentKeys extends Map<string, string> {
  readonly lazyRows = new Map<string, TreeNode>();

  /** Record the parent of the row on top of `stack`, and push its rows (not a lazy row's). */
  visit(stack: Visit[]): void {
    const { node, parent } = stack.pop()!;
    if (parent !== null) this.set(node.key, parent);
    if (node.lazy) this.lazyRows.set(node.key, node);
    else
      for (let i = node.children.length - 1; i >= 0; i--)
        stack.push({ node: node.children[i]!, parent: node.key });
  }

  override get(key: string): string | undefined {
    const hit = super.get(key);
    if (hit !== undefined || this.lazyRows.size === 0) return hit;
    // Rule names may contain `/`: try each split.
    for (let i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) {
      const row = this.lazyRows.get(key.slice(0, i));
      if (!row) continue;
      // A group's rules (a shared set's: `<group id>/<rule name>`) are its own rows.
      if (row.kind !== 'port') return row.key;
      // A port whose VFP is derived when it opens: open it, walk its rows, look again.
      this.lazyRows.delete(row.key);
      const stack: Visit[] = row.children.map((node) => ({ node, parent: row.key })).reverse();
      while (stack.length > 0) this.visit(stack);
      return this.get(key) ?? row.key;
    }
    return undefined;
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}
