/**
 * A port's VFP for showing it, when the model holds none. A big dump's VFP is not derived into
 * the model (`I_VFP_DEFERRED`): the engine derives a port's rules when a trace reaches it, and
 * the drawing, the outline and the inspector derive them here when the user opens the port —
 * the same layers, groups, rules and ids the engine's hops name. A port that has layers (read
 * from vfpctrl, or derived up front) and a port `programVfp` would give none are left as they are.
 */
import { copyTable } from '../shared/table';
import { vfpDerivable, vfpPortDeriver } from './program-vfp';
import type { Port, Topology } from './types';

/** Ports whose derived views are kept per topology (each may hold thousands of rules). */
const KEPT_VIEWS = 4;

interface Deferred {
  readonly derivable: (port: Port) => boolean;
  /** Made on the first port opened (it sorts the topology's load balancers). */
  derive?: ReturnType<typeof vfpPortDeriver>;
  /** Port id → the topology with its VFP added, most recent last. */
  readonly views: Map<string, Topology>;
  /** Per port asked about: whether it is deferred (a host vNIC is derived to find out). */
  readonly known: Map<string, boolean>;
  any?: boolean;
}

const perTopology = new WeakMap<Topology, Deferred>();

function deferredOf(t: Topology): Deferred {
  let d = perTopology.get(t);
  if (!d) {
    d = { derivable: vfpDerivable(t), views: new Map(), known: new Map() };
    perTopology.set(t, d);
  }
  return d;
}

/**
 * Whether the model leaves port `portId`'s VFP to be derived on demand: it has no layers, and
 * `programVfp` would give it some (a model it programmed has none such: it is idempotent).
 */
export function isDeferredPort(t: Topology, portId: string): boolean {
  const port = Object.hasOwn(t.ports, portId) ? t.ports[portId] : undefined;
  if (port === undefined || port.layerIds.length > 0) return false;
  const d = deferredOf(t);
  let yes = d.known.get(portId);
  if (yes === undefined) d.known.set(portId, (yes = d.derivable(port)));
  return yes;
}

/** Whether any port of `t` is deferred (see `isDeferredPort`); kept per topology. */
export function hasDeferredPorts(t: Topology): boolean {
  const d = deferredOf(t);
  if (d.any === undefined) {
    d.any = false;
    for (const id in t.ports)
      if (isDeferredPort(t, id)) {
        d.any = true;
        break;
      }
  }
  return d.any;
}

/**
 * `t` with port `portId`'s VFP derived and added (its `layerIds`, its layers, groups, rules
 * and shared rule sets), or `t` itself when the port is not deferred. The last few views are
 * kept, so opening, selecting and revealing one port derive it once.
 */
export function withPortVfp(t: Topology, portId: string): Topology {
  if (!isDeferredPort(t, portId)) return t;
  const d = deferredOf(t);
  const hit = d.views.get(portId);
  if (hit) {
    d.views.delete(portId);
    d.views.set(portId, hit);
    return hit;
  }
  d.derive ??= vfpPortDeriver(t);
  const { layerIds, layers, groups, rules, ruleSets } = d.derive(portId);
  const ports = copyTable(t.ports);
  ports[portId] = { ...t.ports[portId]!, layerIds };
  const view: Topology = {
    ...t,
    ports,
    layers: Object.assign(copyTable(t.layers), layers),
    groups: Object.assign(copyTable(t.groups), groups),
    rules: Object.assign(copyTable(t.rules), rules),
    ruleSets: Object.assign(copyTable(t.ruleSets ?? {}), ruleSets),
  };
  d.views.set(portId, view);
  if (d.views.size > KEPT_VIEWS) d.views.delete(d.views.keys().next().value!);
  return view;
}

/**
 * The deferred port whose derived VFP would name `id` (a layer `<port>/<layer>`, a group or a
 * rule below it), or null. Port ids may hold `/`: every split is tried, longest port id first.
 */
export function deferredPortOf(t: Topology, id: string): string | null {
  for (let i = id.lastIndexOf('/'); i > 0; i = id.lastIndexOf('/', i - 1)) {
    const portId = id.slice(0, i);
    if (isDeferredPort(t, portId)) return portId;
  }
  return null;
}
