/**
 * One lookup table for every object a user can select, drawn or not: the model's tables plus
 * the objects the model keeps inside a node (host stack, kube-proxy, WinNAT) and the wires.
 * The inspector, the tree and the store resolve ids through it.
 */
import type { Topology } from '../model/types';
import { allVfpRules, ruleSetOf } from '../model/vfp-rules';
import { nodeRows, syntheticId } from './geometry';
import { emptyTable, valuesOf } from '../shared/table';
import { hasDeferredPorts } from '../model/port-vfp';
import type { ObjectIndex, ObjectRef } from './object-ref';
import { isVfpId, portObjectRef, ruleRef, withVfp } from './vfp-refs';

export type { ObjectIndex, ObjectKind, ObjectRef } from './object-ref';

const cache = new WeakMap<Topology, ObjectIndex>();

/**
 * Above this many rules of shared rule sets (each set's rules counted once per group that
 * carries it), the VFP objects (layers, groups, rules, and the shared sets' rules) are indexed
 * when first asked for, not up front: 20 nodes with 200 load balancers each carry ~800,000 set
 * rules, and an entry for each held ~400 MiB of the page's heap; the 100,000 layers, groups
 * and rules of their own took 100 of the index's 116 steps, and the index's growth past
 * 87,000 entries (one rehash of the whole table) was a step of its own. Search scans VFP
 * objects' names only below this count (`MAX_RULES_SCANNED` there, ≤ this), so what it finds
 * does not change.
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
  /** Set once the VFP tables are passed over (big topologies): their ids keep precedence. */
  let deferred = false;
  const add = (ref: ObjectRef): void => {
    added++;
    if (deferred && isVfpId(t, ref.id)) return;
    index[ref.id] ??= ref;
  };
  /** Pause when a step's worth was added since the last pause. */
  let paused = 0;
  const due = (): boolean => {
    if (added - paused < INDEX_STEP) return false;
    paused = added;
    return true;
  };
  const base = { portId: null, provenance: null } as const;
  for (const n of valuesOf(t.nodes)) {
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
  for (const v of valuesOf(t.vswitches)) {
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
  for (const n of valuesOf(t.networks)) {
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
  for (const e of valuesOf(t.endpoints)) {
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
  for (const p of valuesOf(t.pods)) {
    add({ ...base, id: p.id, kind: 'pod', name: p.name, entity: p, nodeId: p.nodeId });
    if (due()) yield;
  }
  for (const p of valuesOf(t.ports)) {
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
  // The shared sets' rules are counted first, in steps (a pass over every group in one step
  // took 90 ms on the 20-node cluster, loaded); the count decides whether VFP objects wait.
  if (!setRules.has(t)) {
    let seen = 0;
    let groups = 0;
    if (t.ruleSets)
      for (const id in t.groups) {
        seen += ruleSetOf(t, t.groups[id]!)?.rules.length ?? 0;
        if (++groups % INDEX_STEP === 0) yield;
      }
    setRules.set(t, seen);
  }
  const lazy = setRuleCount(t) > EAGER_SET_RULES;
  if (!lazy) {
    for (const l of valuesOf(t.layers)) {
      add(portObjectRef(t, 'layer', l));
      if (due()) yield;
    }
    for (const g of valuesOf(t.groups)) {
      add(portObjectRef(t, 'group', g));
      if (due()) yield;
    }
    for (const r of allVfpRules(t)) {
      add(ruleRef(t, r));
      if (due()) yield;
    }
  }
  deferred = lazy;
  for (const s of valuesOf(t.services)) {
    add({ ...base, id: s.id, kind: 'service', name: s.name, entity: s, nodeId: null });
    if (due()) yield;
  }
  for (const lb of valuesOf(t.loadBalancers)) {
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
  for (const x of valuesOf(t.externals)) {
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
  // A big dump's ports whose VFP is derived when opened: their objects are found on demand too.
  return lazy || hasDeferredPorts(t) ? withVfp(t, index) : index;
}

const setRules = new WeakMap<Topology, number>();

/** How many rules of shared sets `t` carries (once per group carrying a set); kept per topology. */
export function setRuleCount(t: Topology): number {
  let n = setRules.get(t);
  if (n === undefined) {
    n = 0;
    if (t.ruleSets) for (const g of valuesOf(t.groups)) n += ruleSetOf(t, g)?.rules.length ?? 0;
    setRules.set(t, n);
  }
  return n;
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
