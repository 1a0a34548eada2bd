/**
 * One lookup table for every object a user can select, drawn or not: the model's tables plus
 * the objects the model keeps inside a node (host stack, kube-proxy, WinNAT) and the wires.
 * The inspector, the tree and the store resolve ids through it.
 */
import type { Provenance, Topology } from '../model/types';
import { allVfpRules, ruleById, ruleSetOf } from '../model/vfp-rules';
import type { VfpRule } from '../model/types';
import { nodeRows, syntheticId, type DrawnKind } from './geometry';
import { emptyTable } from '../shared/table';

/** Kinds of selectable objects: the drawn kinds plus objects only the tree and inspector show. */
export type ObjectKind = DrawnKind | 'service';

/** A selectable object: its kind, display name, the model entity and where it lives. */
export interface ObjectRef {
  readonly id: string;
  readonly kind: ObjectKind;
  readonly name: string;
  /** The model entity (plain data), shown field by field in the inspector. */
  readonly entity: unknown;
  readonly provenance: Provenance | null;
  readonly nodeId: string | null;
  /** The port to expand when this object is selected (ports, layers, groups, rules). */
  readonly portId: string | null;
}

/** Id → object. Ids are unique across tables; the first one wins if a dump repeats one. */
export type ObjectIndex = Readonly<Record<string, ObjectRef>>;

const cache = new WeakMap<Topology, ObjectIndex>();

/**
 * Above this many rules of shared rule sets (each set's rules counted once per group that
 * carries it), those rules are indexed when first asked for, not up front: 20 nodes with 200
 * load balancers each carry ~800,000, and an entry for each held ~400 MiB of the page's heap.
 * Search scans rule names only below this count (`MAX_RULES_SCANNED` there), so what it
 * finds does not change.
 */
export const EAGER_SET_RULES = 100_000;

/** Objects indexed between two pauses of `indexTopologySteps`. */
export const INDEX_STEP = 1000;

/** Build (once per topology object, then cached) the index of every selectable object in `t`. */
export function indexTopology(t: Topology): ObjectIndex {
  const steps = indexTopologySteps(t);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * `indexTopology` in steps: pauses (yields) after every `INDEX_STEP` objects, so a caller on
 * the page can let other tasks run between steps of a big model. Cached like `indexTopology`.
 */
export function* indexTopologySteps(t: Topology): Generator<void, ObjectIndex> {
  const hit = cache.get(t);
  if (hit) return hit;
  const index = yield* buildIndex(t);
  cache.set(t, index);
  return index;
}

function* buildIndex(t: Topology): Generator<void, ObjectIndex> {
  const index = emptyTable<ObjectRef>();
  let added = 0;
  const add = (ref: ObjectRef): void => {
    index[ref.id] ??= ref;
    added++;
  };
  /** Pause when a step's worth was added since the last pause. */
  let paused = 0;
  const due = (): boolean => {
    if (added - paused < INDEX_STEP) return false;
    paused = added;
    return true;
  };
  const base = { portId: null, provenance: null } as const;
  for (const n of Object.values(t.nodes)) {
    add({
      ...base,
      id: n.id,
      kind: 'node',
      name: n.name,
      entity: n,
      provenance: n.provenance,
      nodeId: n.id,
    });
    const hs = syntheticId.hostStack(n.id);
    add({
      ...base,
      id: hs,
      kind: 'host-stack',
      name: `Host TCP/IP stack (${n.name})`,
      entity: n.hostStack,
      provenance: n.provenance,
      nodeId: n.id,
    });
    if (n.kubeProxy) {
      add({
        ...base,
        id: syntheticId.kubeProxy(n.id),
        kind: 'kube-proxy',
        name: `kube-proxy (${n.name})`,
        entity: n.kubeProxy,
        provenance: n.kubeProxy.provenance,
        nodeId: n.id,
      });
    }
    if (n.winnat) {
      add({
        ...base,
        id: syntheticId.winnat(n.id),
        kind: 'winnat',
        name: `WinNAT ${n.winnat.name}`,
        entity: n.winnat,
        provenance: n.winnat.provenance,
        nodeId: n.id,
      });
    }
    add({
      ...base,
      id: syntheticId.uplink(n.id),
      kind: 'wire',
      name: `Uplink of ${n.name}`,
      entity: { from: n.name, to: 'underlay' },
      nodeId: n.id,
    });
  }
  for (const v of Object.values(t.vswitches)) {
    add({
      ...base,
      id: v.id,
      kind: 'vswitch',
      name: v.name,
      entity: v,
      provenance: v.provenance,
      nodeId: v.nodeId,
    });
    if (due()) yield;
  }
  for (const n of Object.values(t.networks)) {
    add({
      ...base,
      id: n.id,
      kind: 'network',
      name: n.name,
      entity: n,
      provenance: n.provenance,
      nodeId: n.nodeId,
    });
    if (due()) yield;
  }
  for (const e of Object.values(t.endpoints)) {
    add({
      ...base,
      id: e.id,
      kind: 'endpoint',
      name: e.name,
      entity: e,
      provenance: e.provenance,
      nodeId: e.nodeId,
    });
    if (due()) yield;
  }
  for (const p of Object.values(t.pods)) {
    add({ ...base, id: p.id, kind: 'pod', name: p.name, entity: p, nodeId: p.nodeId });
    if (due()) yield;
  }
  for (const p of Object.values(t.ports)) {
    add({
      id: p.id,
      kind: 'port',
      name: p.friendlyName || p.name,
      entity: p,
      provenance: p.provenance,
      nodeId: p.nodeId,
      portId: p.id,
    });
    if (due()) yield;
  }
  for (const l of Object.values(t.layers)) {
    add({
      id: l.id,
      kind: 'layer',
      name: l.name,
      entity: l,
      provenance: l.provenance,
      nodeId: t.ports[l.portId]?.nodeId ?? null,
      portId: l.portId,
    });
    if (due()) yield;
  }
  // The shared sets' rules are counted on the way (a second pass over every group, and two
  // over the rules table, took a step of their own: 90 ms on the 20-node cluster, loaded).
  let setRulesSeen = 0;
  for (const g of Object.values(t.groups)) {
    add({
      id: g.id,
      kind: 'group',
      name: g.name,
      entity: g,
      provenance: g.provenance,
      nodeId: t.ports[g.portId]?.nodeId ?? null,
      portId: g.portId,
    });
    if (t.ruleSets) setRulesSeen += ruleSetOf(t, g)?.rules.length ?? 0;
    if (due()) yield;
  }
  if (!setRules.has(t)) setRules.set(t, setRulesSeen);
  const lazy = setRuleCount(t) > EAGER_SET_RULES;
  for (const r of lazy ? Object.values(t.rules) : allVfpRules(t)) {
    add(ruleRef(t, r));
    if (due()) yield;
  }
  for (const s of Object.values(t.services)) {
    add({ ...base, id: s.id, kind: 'service', name: s.name, entity: s, nodeId: null });
    if (due()) yield;
  }
  for (const lb of Object.values(t.loadBalancers)) {
    add({
      ...base,
      id: lb.id,
      kind: 'load-balancer',
      name: lbName(t, lb.id),
      entity: lb,
      provenance: lb.provenance,
      nodeId: lb.nodeId,
    });
    if (due()) yield;
  }
  for (const x of Object.values(t.externals)) {
    add({ ...base, id: x.id, kind: 'external', name: x.name, entity: x, nodeId: null });
    add({
      ...base,
      id: syntheticId.externalWire(x.id),
      kind: 'wire',
      name: `Wire to ${x.name}`,
      entity: { from: x.name, to: 'underlay' },
      nodeId: null,
    });
  }
  if (t.underlay) {
    add({
      ...base,
      id: syntheticId.underlay,
      kind: 'wire',
      name: `Underlay ${t.underlay.subnet}`,
      entity: t.underlay,
      nodeId: null,
    });
    // Many nodes are drawn in rows: each row's wire and the bus joining them are the underlay.
    for (const { id, name } of underlayParts(t.nodeIds.length))
      add({
        ...base,
        id,
        kind: 'wire',
        name: `Underlay ${t.underlay.subnet}, ${name}`,
        entity: t.underlay,
        nodeId: null,
      });
  }
  return lazy ? withSetRules(t, index) : index;
}

const setRules = new WeakMap<Topology, number>();

/** How many rules of shared sets `t` carries (once per group carrying a set); kept per topology. */
export function setRuleCount(t: Topology): number {
  let n = setRules.get(t);
  if (n === undefined) {
    n = 0;
    if (t.ruleSets)
      for (const g of Object.values(t.groups)) n += ruleSetOf(t, g)?.rules.length ?? 0;
    setRules.set(t, n);
  }
  return n;
}

function ruleRef(t: Topology, r: VfpRule): ObjectRef {
  return {
    id: r.id,
    kind: 'rule',
    name: r.friendlyName ?? r.name,
    entity: r,
    provenance: r.provenance,
    nodeId: t.ports[r.portId]?.nodeId ?? null,
    portId: r.portId,
  };
}

/**
 * `index`, answering for the rules of shared sets too: an id not in it that names a set rule
 * (`<group id>/<rule name>`, `ruleById`) gets its entry made and kept on first use.
 */
function withSetRules(t: Topology, index: Record<string, ObjectRef>): ObjectIndex {
  const resolve = (key: string | symbol): void => {
    if (typeof key !== 'string' || Object.hasOwn(index, key) || !key.includes('/')) return;
    const r = ruleById(t, key);
    if (r && r.id === key) index[key] = ruleRef(t, r);
  };
  return new Proxy(index, {
    get(target, key): unknown {
      resolve(key);
      return Reflect.get(target, key) as unknown;
    },
    has(target, key) {
      resolve(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      resolve(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** The wires of the underlay beyond the first row's (none when the nodes fit one row). */
export function underlayParts(nodeCount: number): { id: string; name: string }[] {
  const rows = nodeRows(nodeCount);
  if (rows < 2) return [];
  const parts = Array.from({ length: rows - 1 }, (_, i) => ({
    id: syntheticId.underlayRow(i + 1),
    name: `row ${i + 2}`,
  }));
  return [...parts, { id: syntheticId.underlayBus, name: 'bus joining the rows' }];
}

/** A readable name for a load balancer: `web 10.96.10.10:80/tcp` or `NodePort :30080/tcp`. */
export function lbName(t: Topology, id: string): string {
  const lb = t.loadBalancers[id];
  if (!lb) return id;
  const proto = lb.protocol === 6 ? 'tcp' : lb.protocol === 17 ? 'udp' : String(lb.protocol);
  const svc = lb.serviceId ? (t.services[lb.serviceId]?.name ?? '') : '';
  const vip = lb.frontendVips.length > 0 ? lb.frontendVips.join(', ') : 'all node IPs';
  return `${svc ? `${svc} ` : ''}${vip}:${lb.externalPort}/${proto}`.trim();
}

/**
 * Objects to light up together with `id`: a pod's endpoints and ports, an endpoint's pod and
 * port, a port's endpoint and pod, a layer/group/rule's port.
 */
export function relatedIds(t: Topology, index: ObjectIndex, id: string): string[] {
  const ref = index[id];
  if (!ref) return [];
  switch (ref.kind) {
    case 'pod': {
      const pod = t.pods[id];
      return pod ? pod.endpointIds.flatMap((e) => [e, t.endpoints[e]?.portId ?? []].flat()) : [];
    }
    case 'endpoint': {
      const ep = t.endpoints[id];
      return ep ? [ep.podId, ep.portId, ep.networkId].filter((x): x is string => x !== null) : [];
    }
    case 'port': {
      const ep = t.ports[id]?.endpointId;
      const pod = ep ? t.endpoints[ep]?.podId : null;
      return [ep, pod].filter((x): x is string => typeof x === 'string');
    }
    case 'layer':
    case 'group':
    case 'rule':
      return ref.portId ? [ref.portId] : [];
    case 'node':
    case 'vswitch':
    case 'network':
    case 'host-stack':
    case 'winnat':
    case 'kube-proxy':
    case 'external':
    case 'wire':
    case 'service':
      return [];
    case 'load-balancer': {
      // A load balancer lights up its backends (and their ports) in the drawing.
      const eps = t.loadBalancers[id]?.backendEndpointIds ?? [];
      return eps.flatMap((e) => [e, t.endpoints[e]?.portId ?? []].flat());
    }
  }
}
