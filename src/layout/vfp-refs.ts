/**
 * Index entries for VFP objects (layers, groups, rules), made when first asked for: a big
 * topology's index leaves them out (`EAGER_SET_RULES`), and a port whose VFP is derived when
 * opened (`withPortVfp`) has none in the model.
 */
import { deferredPortOf, withPortVfp } from '../model/port-vfp';
import type { Topology, VfpGroup, VfpLayer, VfpRule } from '../model/types';
import { ruleById } from '../model/vfp-rules';
import { entryOf, hasEntry } from '../shared/table';
import type { ObjectIndex, ObjectRef } from './object-ref';

/** The ref of a layer or a group: both are found by id on their own port. */
export function portObjectRef(
  t: Topology,
  kind: 'layer' | 'group',
  x: VfpLayer | VfpGroup,
): ObjectRef {
  return {
    id: x.id,
    kind,
    name: x.name,
    entity: x,
    provenance: x.provenance,
    nodeId: t.ports[x.portId]?.nodeId ?? null,
    portId: x.portId,
  };
}

/** True when `id` names a layer, group or rule of its own (the tables the index defers). */
export function isVfpId(t: Topology, id: string): boolean {
  return hasEntry(t.layers, id) || hasEntry(t.groups, id) || hasEntry(t.rules, id);
}

/**
 * The entry of the VFP object `id` (layer, group, rule, or a shared set's rule), if any: in the
 * model's tables, or among the objects of a port whose VFP is derived when opened.
 */
function vfpRef(t: Topology, id: string): ObjectRef | undefined {
  const own = tableRef(t, id);
  if (own) return own;
  const portId = deferredPortOf(t, id);
  return portId === null ? undefined : tableRef(withPortVfp(t, portId), id);
}

function tableRef(t: Topology, id: string): ObjectRef | undefined {
  const l = entryOf(t.layers, id);
  if (l) return portObjectRef(t, 'layer', l);
  const g = entryOf(t.groups, id);
  if (g) return portObjectRef(t, 'group', g);
  const r = ruleById(t, id);
  return r && r.id === id ? ruleRef(t, r) : undefined;
}

export function ruleRef(t: Topology, r: VfpRule): ObjectRef {
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
 * `index`, answering for the VFP objects too: an id not in it that names a layer, a group, a
 * rule (`t.rules`), a shared set's rule (`<group id>/<rule name>`, `ruleById`) or one of those
 * of a port whose VFP is derived when opened (`withPortVfp`) gets its entry
 * made and kept on first use, the same entry the eager index would hold (ids of the tables
 * indexed up front keep their precedence: those entries are there already). Enumerating it
 * lists the entries made so far.
 */
export function withVfp(t: Topology, index: Record<string, ObjectRef>): ObjectIndex {
  const resolve = (key: string | symbol): void => {
    if (typeof key !== 'string' || Object.hasOwn(index, key)) return;
    const ref = vfpRef(t, key);
    if (ref) index[key] = ref;
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
