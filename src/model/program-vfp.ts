/**
 * `programVfp`: the documented HNS → VFP mapping (domain.md §1.5, §1.6, §2.3, §2.4, §4).
 * HNS is the only VFP controller on a container host; this module plays HNS: for each local
 * vSwitch port without layers it derives layers → groups → rules from the port's endpoint,
 * its network and the node's load balancers. Every derived object carries a Provenance.
 */
import { addLayer, type LayerSpec, type VfpTables } from './vfp-builder';
import { aclLayer, hasLbDsrLayer, lbDsrLayer, type PodPortContext } from './program-vfp-pod';
import { slbNatLayer } from './program-vfp-slb';
import { encapLayer, l2bridgeLayers } from './program-vfp-vnet';
import { hostPortLayers } from './program-vfp-host';
import type { LoadBalancer, Node, Port, Topology } from './types';
import { copyTable } from '../shared/table';
import { pushAll } from '../shared/arrays';

/** True when `t` (or this network type) stands for the 2016-era stack: no ACLs, no VFP load balancing. */
function isOldDesign(t: Topology): boolean {
  return t.design === 'old-winnat';
}

/**
 * Program VFP for every port that has no layers yet and return a new topology.
 * Deterministic (ports in id order, rules sorted by priority then name) and idempotent:
 * ports that already have layers (a dump with vfpctrl output, or a second call) are kept.
 * Works on a single-node dump too (remote endpoints, no pods or services).
 *
 * @example const t = programVfp(buildDraftTopology()); // t.ports[id].layerIds now filled
 */
export function programVfp(t: Topology): Topology {
  // Copy each table once and append in place (spreading per layer or rule is quadratic).
  const tables: VfpTables = {
    layers: copyTable(t.layers),
    groups: copyTable(t.groups),
    rules: copyTable(t.rules),
    ruleSets: copyTable(t.ruleSets ?? {}),
  };
  const ports = copyTable<Port>(t.ports);
  const derive = vfpDeriver(t);
  let changed = false;
  for (const portId of Object.keys(t.ports).sort()) {
    const port = t.ports[portId]!;
    const specs = derive(port);
    if (specs.length === 0) continue;
    ports[portId] = { ...port, layerIds: specs.map((s) => addLayer(tables, portId, s)) };
    changed = true;
  }
  return changed
    ? {
        ...t,
        ports,
        layers: tables.layers,
        groups: tables.groups,
        rules: tables.rules,
        ruleSets: tables.ruleSets,
      }
    : t;
}

/**
 * The layer specs `programVfp` derives for a port of `t` (none for a port that has layers).
 * Lists many ports share are built once per deriver: the engine uses one to trace a
 * topology whose VFP was not materialised (a big dump) port by port, on demand.
 */
export function vfpDeriver(t: Topology): (port: Port) => LayerSpec[] {
  const lbsByNode = new Map<string, LoadBalancer[]>();
  for (const id of Object.keys(t.loadBalancers).sort()) {
    const lb = t.loadBalancers[id]!;
    const list = lbsByNode.get(lb.nodeId) ?? [];
    list.push(lb);
    lbsByNode.set(lb.nodeId, list);
  }
  const old = isOldDesign(t);
  const memo = new Map<string, unknown>();
  return (port) =>
    port.layerIds.length > 0 ? [] : layersFor(t, port, lbsByNode.get(port.nodeId) ?? [], old, memo);
}

/**
 * One port's VFP as `programVfp(t)` would write it (same ids), without deriving the others:
 * for showing a port of a topology whose VFP was deferred.
 */
export function deriveVfpPort(t: Topology, portId: string): VfpTables & { layerIds: string[] } {
  return vfpPortDeriver(t)(portId);
}

/**
 * `deriveVfpPort` for several ports of one topology: the load balancers are sorted, and the
 * lists ports share built, once for all of them.
 */
export function vfpPortDeriver(
  t: Topology,
): (portId: string) => VfpTables & { layerIds: string[] } {
  const derive = vfpDeriver(t);
  return (portId) => {
    const tables: VfpTables = { layers: {}, groups: {}, rules: {}, ruleSets: {} };
    const port = t.ports[portId];
    const specs = port ? derive(port) : [];
    return { ...tables, layerIds: specs.map((s) => addLayer(tables, portId, s)) };
  };
}

/**
 * Whether `vfpDeriver(t)` gives a port layers: the conditions of `layersFor`, no rule built (a
 * host vNIC: its node has a load balancer, found in one pass over them for all nodes).
 */
export function vfpDerivable(t: Topology): (port: Port) => boolean {
  // Nodes with a load balancer, found for the first host vNIC asked about (one pass, no sort:
  // deriving the vNIC to find out sorted 100,000 load balancers on the page, 150 ms).
  let lbNodes: Set<string> | undefined;
  const old = isOldDesign(t);
  return (port) => {
    const node = t.nodes[port.nodeId];
    if (port.layerIds.length > 0 || !node) return false;
    if (port.kind === 'host-vnic') {
      // As `layersFor` decides: `hostPortLayers` gives layers whenever it is called.
      if (!isManagementPort(node, port) || old || node.kubeProxy?.mode === 'userspace')
        return false;
      if (!lbNodes) {
        lbNodes = new Set();
        for (const id in t.loadBalancers) lbNodes.add(t.loadBalancers[id]!.nodeId);
      }
      return lbNodes.has(port.nodeId);
    }
    if (port.kind !== 'container' || port.endpointId === null) return false;
    const ep = t.endpoints[port.endpointId];
    const network = ep ? t.networks[ep.networkId] : undefined;
    if (!ep || !network || ep.isRemote) return false;
    return old || network.type === 'nat' || network.type === 'ics'
      ? network.type === 'l2bridge'
      : true;
  };
}

/** The host vNIC the node's management interface is on (the one when none says). */
function isManagementPort(node: Node, port: Port): boolean {
  const mgmt = node.hostStack.interfaces.find((i) => i.kind === 'management-vnic');
  return mgmt ? mgmt.portId === port.id : port.endpointId === null;
}

function layersFor(
  t: Topology,
  port: Port,
  lbs: readonly LoadBalancer[],
  old: boolean,
  memo: Map<string, unknown>,
): LayerSpec[] {
  const node = t.nodes[port.nodeId];
  if (!node) return [];
  if (port.kind === 'host-vnic') {
    if (!isManagementPort(node, port) || old || node.kubeProxy?.mode === 'userspace') return [];
    return lbs.length === 0 ? [] : hostPortLayers(t, node, lbs);
  }
  if (port.kind !== 'container' || port.endpointId === null) return [];
  const ep = t.endpoints[port.endpointId];
  const network = ep ? t.networks[ep.networkId] : undefined;
  if (!ep || !network || ep.isRemote) return [];
  const ctx: PodPortContext = { t, node, ep, network, lbs, memo };
  if (old || network.type === 'nat' || network.type === 'ics') {
    // 2016-era: WinNAT does NAT in the host; an L2Bridge NIC only gets its MAC rewritten.
    return network.type === 'l2bridge' ? l2bridgeLayers(ctx, false) : [];
  }
  const layers = [aclLayer(ctx)];
  if (hasLbDsrLayer(ctx)) layers.push(lbDsrLayer(ctx));
  layers.push(slbNatLayer(ctx));
  if (network.type === 'l2bridge' || network.type === 'l2tunnel')
    pushAll(layers, l2bridgeLayers(ctx, true));
  if (network.type === 'overlay') layers.push(encapLayer(ctx));
  return layers;
}
