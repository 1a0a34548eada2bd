/**
 * Several single-node topologies (one per attributed node, as `parseInputs` builds them) →
 * one cluster topology: each node gets its own node and vSwitch ids, object ids stay the dump's
 * GUIDs unless two nodes use the same one (then `<id>@<node>`), and an underlay is inferred from
 * the nodes' addresses and pod subnets so the engine can carry a packet from one node to the
 * next.
 */
import type {
  Endpoint,
  LoadBalancer,
  Network,
  Node,
  Pod,
  Port,
  Topology,
  Underlay,
  VfpGroup,
  VfpLayer,
  VfpRule,
  VfpRuleBody,
  VfpRuleSet,
  VSwitch,
} from '../model/types';
import { cidrContains, formatCidr, maskOf, parseCidr, parseIpv4 } from '../shared/ip';

/** A slug for ids: `WIN-A` → `win-a`. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'node'
  );
}

interface Part {
  readonly nodeId: string;
  /** The node's name when the evidence gave a better one than the dump's own (a header). */
  readonly name?: string;
  readonly topology: Topology;
}

type Tables = Pick<
  Topology,
  | 'vswitches'
  | 'networks'
  | 'endpoints'
  | 'pods'
  | 'loadBalancers'
  | 'ports'
  | 'layers'
  | 'groups'
  | 'rules'
  | 'nodes'
  | 'services'
  | 'externals'
> & { readonly ruleSets: Record<string, VfpRuleSet> };

/** Object ids of `t` renamed where `taken` already holds them. */
function renamer(taken: Tables, suffix: string) {
  const maps = new Map<string, Map<string, string>>();
  return {
    plan<K extends keyof Tables>(table: K, ids: Iterable<string>): void {
      const m = new Map<string, string>();
      const have = taken[table] as Record<string, unknown>;
      for (const id of ids) if (Object.hasOwn(have, id)) m.set(id, `${id}@${suffix}`);
      maps.set(table, m);
    },
    id(table: keyof Tables, id: string): string {
      return maps.get(table)?.get(id) ?? id;
    },
    any(table: keyof Tables): boolean {
      return (maps.get(table)?.size ?? 0) > 0;
    },
  };
}

/** Move one node's objects into `out` under node id `nodeId`. */
function addNode(out: Tables, part: Part): void {
  const t = part.topology;
  const nodeId = part.nodeId;
  const oldNode = t.nodes[t.nodeIds[0] ?? ''];
  const suffix = nodeId.replace(/^node:/, '');
  const r = renamer(out, suffix);
  for (const table of [
    'networks',
    'endpoints',
    'pods',
    'loadBalancers',
    'ports',
    'layers',
    'groups',
    'rules',
    'ruleSets',
  ] as const)
    r.plan(table, Object.keys(t[table] ?? {}));
  const vsOld = oldNode?.vswitchIds[0] ?? null;
  const vsId = `vswitch:${suffix}`;
  const vs = (id: string | null): string | null => (id === null ? null : id === vsOld ? vsId : id);
  const ep = (id: string): string => r.id('endpoints', id);
  const port = (id: string): string => r.id('ports', id);
  const net = (id: string): string => r.id('networks', id);

  const put = <T>(table: Record<string, T>, id: string, v: T): void => {
    // defineProperty, not assignment: an id `__proto__` must stay a plain key.
    Object.defineProperty(table, id, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  for (const n of Object.values(t.networks))
    put<Network>(out.networks, net(n.id), {
      ...n,
      id: net(n.id),
      nodeId,
      vswitchId: vs(n.vswitchId),
    });
  for (const e of Object.values(t.endpoints))
    put<Endpoint>(out.endpoints, ep(e.id), {
      ...e,
      id: ep(e.id),
      nodeId,
      networkId: net(e.networkId),
      podId: e.podId === null ? null : r.id('pods', e.podId),
      portId: e.portId === null ? null : port(e.portId),
    });
  for (const p of Object.values(t.pods))
    put<Pod>(out.pods, r.id('pods', p.id), {
      ...p,
      id: r.id('pods', p.id),
      nodeId,
      endpointIds: p.endpointIds.map(ep),
      routes: p.routes.map((x) => ({ ...x, endpointId: ep(x.endpointId) })),
    });
  const renameEps = r.any('endpoints');
  for (const lb of Object.values(t.loadBalancers))
    put<LoadBalancer>(out.loadBalancers, r.id('loadBalancers', lb.id), {
      ...lb,
      id: r.id('loadBalancers', lb.id),
      nodeId,
      networkId: lb.networkId === null ? null : net(lb.networkId),
      backendEndpointIds: renameEps ? lb.backendEndpointIds.map(ep) : lb.backendEndpointIds,
    });
  for (const p of Object.values(t.ports))
    put<Port>(out.ports, port(p.id), {
      ...p,
      id: port(p.id),
      nodeId,
      vswitchId: vs(p.vswitchId) ?? vsId,
      endpointId: p.endpointId === null ? null : ep(p.endpointId),
      layerIds: r.any('layers') ? p.layerIds.map((id) => r.id('layers', id)) : p.layerIds,
    });
  const renameVfp =
    r.any('ports') || r.any('layers') || r.any('groups') || r.any('rules') || r.any('ruleSets');
  for (const l of Object.values(t.layers))
    put<VfpLayer>(
      out.layers,
      r.id('layers', l.id),
      renameVfp
        ? {
            ...l,
            id: r.id('layers', l.id),
            portId: port(l.portId),
            groupIds: l.groupIds.map((id) => r.id('groups', id)),
          }
        : l,
    );
  for (const g of Object.values(t.groups))
    put<VfpGroup>(
      out.groups,
      r.id('groups', g.id),
      renameVfp
        ? {
            ...g,
            id: r.id('groups', g.id),
            layerId: r.id('layers', g.layerId),
            portId: port(g.portId),
            ruleIds: g.ruleIds.map((id) => r.id('rules', id)),
            ...(g.ruleSetId === undefined ? {} : { ruleSetId: r.id('ruleSets', g.ruleSetId) }),
          }
        : g,
    );
  const renameRefs = renameEps || r.any('loadBalancers');
  /** A rule's action with the load balancer and backend endpoints renamed. */
  const moveAction = (a: VfpRuleBody['action']): VfpRuleBody['action'] =>
    a.kind === 'lbnat'
      ? {
          ...a,
          loadBalancerId: r.id('loadBalancers', a.loadBalancerId),
          backends: a.backends.map((b) => ({
            ...b,
            endpointId: b.endpointId === null ? null : ep(b.endpointId),
          })),
        }
      : a;
  for (const set of Object.values(t.ruleSets ?? {}))
    put<VfpRuleSet>(
      out.ruleSets,
      r.id('ruleSets', set.id),
      renameVfp || renameRefs
        ? {
            id: r.id('ruleSets', set.id),
            rules: renameRefs
              ? set.rules.map((x) => ({ ...x, action: moveAction(x.action) }))
              : set.rules,
          }
        : set,
    );
  for (const x of Object.values(t.rules)) {
    if (!renameVfp && !renameRefs) {
      put<VfpRule>(out.rules, x.id, x);
      continue;
    }
    put<VfpRule>(out.rules, r.id('rules', x.id), {
      ...x,
      id: r.id('rules', x.id),
      groupId: r.id('groups', x.groupId),
      layerId: r.id('layers', x.layerId),
      portId: port(x.portId),
      action: moveAction(x.action),
    });
  }
  if (!oldNode) return;
  const oldVs = vsOld !== null ? t.vswitches[vsOld] : undefined;
  if (oldVs)
    put<VSwitch>(out.vswitches, vsId, {
      ...oldVs,
      id: vsId,
      nodeId,
      portIds: oldVs.portIds.map(port),
      networkIds: oldVs.networkIds.map(net),
    });
  put<Node>(out.nodes, nodeId, {
    ...oldNode,
    id: nodeId,
    name: part.name ?? oldNode.name,
    vswitchIds: oldVs ? [vsId] : [],
    networkIds: oldNode.networkIds.map(net),
    hostStack: {
      ...oldNode.hostStack,
      interfaces: oldNode.hostStack.interfaces.map((i) => ({
        ...i,
        portId: i.portId === null ? null : port(i.portId),
      })),
    },
  });
}

/** Pod subnets of a node: its L2Bridge / Overlay / transparent networks' subnets. */
export function podSubnets(t: Topology, nodeId: string): string[] {
  const out: string[] = [];
  for (const n of Object.values(t.networks)) {
    if (n.nodeId !== nodeId) continue;
    if (n.type !== 'l2bridge' && n.type !== 'overlay' && n.type !== 'transparent') continue;
    for (const s of n.subnets) if (!out.includes(s.addressPrefix)) out.push(s.addressPrefix);
  }
  return out;
}

/**
 * The wire between the nodes, inferred: the smallest prefix holding every node IP, the first
 * default gateway a node routes through, and one route per pod subnet to the node that holds it
 * (what flannel host-gw / UDRs / the overlay's RemoteSubnetRoutes provide on a real cluster).
 */
export function inferUnderlay(t: Topology): Underlay | null {
  const ips: number[] = [];
  let gatewayIp = '';
  const routes: Underlay['routes'][number][] = [];
  for (const id of t.nodeIds) {
    const node = t.nodes[id];
    if (!node || node.managementIp === null) continue;
    const n = parseIpv4(node.managementIp);
    if (n !== null) ips.push(n);
    gatewayIp ||= node.hostStack.routes.find((r) => r.prefix === '0.0.0.0/0')?.nextHop ?? '';
    for (const prefix of podSubnets(t, id))
      routes.push({
        prefix,
        via: node.managementIp,
        note: `pod subnet of ${node.name} (from its dump; inferred route)`,
      });
  }
  if (ips.length < 2) return null;
  // The on-link route of a node's own subnet (route print) says it best.
  for (const id of t.nodeIds) {
    const node = t.nodes[id];
    const ip = node?.managementIp ? parseIpv4(node.managementIp) : null;
    for (const r of node?.hostStack.routes ?? []) {
      const c = r.nextHop === null ? parseCidr(r.prefix) : null;
      if (ip === null || !c || c.bits === 32 || c.bits === 0 || !cidrContains(c, ip)) continue;
      if (ips.every((x) => cidrContains(c, x))) return { subnet: formatCidr(c), gatewayIp, routes };
    }
  }
  let bits = 32;
  const first = ips[0]!;
  while (bits > 0 && ips.some((x) => ((x ^ first) & maskOf(bits)) >>> 0 !== 0)) bits--;
  const mask = maskOf(bits);
  return {
    subnet: formatCidr({ base: (first & mask) >>> 0, bits, mask }),
    gatewayIp,
    routes,
  };
}

/** One topology holding every part, in the given order. */
export function assemble(parts: readonly Part[], title: string): Topology {
  const tables: Tables = {
    nodes: {},
    vswitches: {},
    networks: {},
    endpoints: {},
    pods: {},
    services: {},
    loadBalancers: {},
    ports: {},
    layers: {},
    groups: {},
    rules: {},
    ruleSets: {},
    externals: {},
  };
  for (const p of parts) addNode(tables, p);
  const draft: Topology = {
    format: 'hnsviz.model/1',
    id: `dump:cluster:${parts.map((p) => p.nodeId.replace(/^node:/, '')).join('+')}`,
    title,
    design: null,
    cluster: null,
    nodeIds: parts.map((p) => p.nodeId),
    ...tables,
    underlay: null,
  };
  return { ...draft, underlay: inferUnderlay(draft) };
}
