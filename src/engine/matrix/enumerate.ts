/**
 * The matrix's rows and columns, read off any topology (a scenario, a dump, a cluster):
 * sources are pods (or a dump's pod endpoints), every node's host and the external clients;
 * destinations are service VIP:port/proto, NodePorts on every node, externalIPs, pods on the
 * ports their services target (and the ports their inbound ACLs open), kube-dns and the
 * internet (each listening port, and ICMP).
 */
import { formatIpv4, parseIpv4 } from '../../shared/ip';
import type { Endpoint, Topology } from '../../model/types';
import { compileTopology, portInRules } from '../compile';
import type { DestinationKind, MatrixDestination, MatrixProto, MatrixSource } from './types';

const PROTO_NAME: Readonly<Record<number, MatrixProto>> = { 6: 'tcp', 17: 'udp', 1: 'icmp' };
/** Stands in for "the internet" when the topology names no internet server. */
export const INTERNET_IP = '93.184.216.34';

/** Rows, in display order: pods by node then name, hosts, external clients. */
export function matrixSources(t: Topology): MatrixSource[] {
  const c = compileTopology(t);
  const nodeName = (id: string) => t.nodes[id]?.name ?? id;
  const out: MatrixSource[] = [];
  const nodeOrder = new Map(t.nodeIds.map((id, i) => [id, i]));
  const pods = Object.values(t.pods).sort(
    (a, b) =>
      (nodeOrder.get(a.nodeId) ?? 1e9) - (nodeOrder.get(b.nodeId) ?? 1e9) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  for (const pod of pods) {
    const local = pod.endpointIds.some((id) => {
      const ep = t.endpoints[id];
      return ep?.portId && !ep.isRemote;
    });
    if (!local) continue;
    // A name two pods share (namespaces) is resolved by address instead.
    const from = c.podByName.get(pod.name) === pod ? pod.name : pod.ip;
    out.push({
      id: `pod:${pod.id}`,
      label: pod.namespace ? `${pod.namespace}/${pod.name}` : pod.name,
      kind: 'pod',
      ip: pod.ip,
      node: nodeName(pod.nodeId),
      namespace: pod.namespace || null,
      from,
    });
  }
  // A dump names no pods: its local pod endpoints send as pods do.
  const podless = Object.values(t.endpoints)
    .filter(
      (e): e is Endpoint & { ipAddress: string } =>
        !!e.portId && !e.isRemote && !e.podId && e.role === 'pod' && !!e.ipAddress,
    )
    .sort((a, b) => (parseIpv4(a.ipAddress) ?? 0) - (parseIpv4(b.ipAddress) ?? 0));
  for (const ep of podless)
    out.push({
      id: `endpoint:${ep.id}`,
      label: ep.name || ep.ipAddress,
      kind: 'pod',
      ip: ep.ipAddress,
      node: nodeName(ep.nodeId),
      namespace: null,
      from: ep.id,
    });
  for (const id of t.nodeIds) {
    const n = t.nodes[id];
    if (!n) continue;
    out.push({
      id: `host:${n.id}`,
      label: `${n.name} (host)`,
      kind: 'host',
      ip: n.managementIp ?? '',
      node: n.name,
      namespace: null,
      from: n.name,
    });
  }
  for (const e of Object.values(t.externals))
    if (e.kind === 'external-client')
      out.push({
        id: `external:${e.id}`,
        label: e.name,
        kind: 'external',
        ip: e.ip,
        node: null,
        namespace: null,
        from: e.name,
      });
  return out;
}

/**
 * Columns, deduplicated by address, port and protocol (the first kind found names it). A column
 * is checked against those listed before its label is written: a dump's load balancers name each
 * backend many times (15,000 backend entries, 300 columns on the 20 MB dump), and this runs on
 * the path of the first row of a matrix opened cold.
 */
export function matrixDestinations(t: Topology): MatrixDestination[] {
  return [...destinationsOf(t)];
}

/**
 * `matrixDestinations`, one column at a time and no work ahead of the one asked for: the first
 * rows of a matrix opened cold need only the first columns (the preview's), and the rest of a
 * big dump's (the pods' inbound rule lists read for the ports they open) can follow them.
 */
export function* destinationsOf(t: Topology): Generator<MatrixDestination, void, undefined> {
  // The columns met, by protocol, address and port (a load balancer's backends repeat: the key
  // text is written once per column), and whether each address met is IPv4. Most addresses have
  // one port: it is kept as a number, a set only from an address's second port on.
  const seen: Record<MatrixProto, PortsByIp> = { tcp: new Map(), udp: new Map(), icmp: new Map() };
  const ipv4 = new Map<string, boolean>();
  /** The key of column `ip:port/proto` when it is new and `ip` an IPv4 address, else null. */
  const fresh = (ip: string, port: number, proto: MatrixProto): string | null => {
    const byIp = seen[proto];
    if (has(byIp, ip, port)) return null;
    let ok = ipv4.get(ip);
    if (ok === undefined) ipv4.set(ip, (ok = parseIpv4(ip) !== null));
    if (!ok) return null;
    put(byIp, ip, port);
    return `${ip}:${port}/${proto}`;
  };
  const make = (
    key: string,
    kind: DestinationKind,
    label: string,
    ip: string,
    port: number,
    proto: MatrixProto,
    namespace: string | null,
    node: string | null,
  ): MatrixDestination => ({
    kind,
    label,
    ip,
    port,
    proto,
    namespace,
    node,
    id: `${kind}:${key}`,
    to: proto === 'icmp' ? ip : `${ip}:${port}`,
  });
  const dns = t.cluster?.dnsServer ?? null;
  const nodes = t.nodeIds.flatMap((id) => (t.nodes[id] ? [t.nodes[id]] : []));
  // The services' own address, port and protocol (a load balancer of theirs adds no column).
  const covered: Record<MatrixProto, PortsByIp> = {
    tcp: new Map(),
    udp: new Map(),
    icmp: new Map(),
  };
  let anyCovered = false;
  let key: string | null;
  for (const s of Object.values(t.services)) {
    for (const sp of s.ports) {
      const proto = PROTO_NAME[sp.protocol];
      if (!proto) continue;
      put(covered[proto], s.clusterIp, sp.port);
      anyCovered = true;
      if ((key = fresh(s.clusterIp, sp.port, proto)))
        yield make(
          key,
          s.clusterIp === dns ? 'dns' : 'service',
          `${s.namespace}/${s.name}:${sp.name || sp.port}/${proto}`,
          s.clusterIp,
          sp.port,
          proto,
          s.namespace,
          null,
        );
      if (sp.nodePort !== null)
        for (const n of nodes)
          if (n.managementIp && (key = fresh(n.managementIp, sp.nodePort, proto)))
            yield make(
              key,
              'nodeport',
              `${s.name} NodePort ${sp.nodePort}/${proto} on ${n.name}`,
              n.managementIp,
              sp.nodePort,
              proto,
              s.namespace,
              n.name,
            );
      for (const ip of s.externalIps)
        if ((key = fresh(ip, sp.port, proto)))
          yield make(
            key,
            'externalip',
            `${s.name} externalIP ${ip}:${sp.port}/${proto}`,
            ip,
            sp.port,
            proto,
            s.namespace,
            null,
          );
      for (const podId of s.backendPodIds) {
        const pod = t.pods[podId];
        if (pod && (key = fresh(pod.ip, sp.targetPort, proto)))
          yield make(
            key,
            'pod',
            `${pod.namespace ? `${pod.namespace}/` : ''}${pod.name}:${sp.targetPort}/${proto}`,
            pod.ip,
            sp.targetPort,
            proto,
            pod.namespace || null,
            t.nodes[pod.nodeId]?.name ?? null,
          );
      }
    }
  }
  // A dump has load balancers but no services: their frontends and backends are the columns.
  // Indexed loops here and below: this generator runs once a plan, often before it is
  // optimised, where an array's `for…of` makes an iterator result per item.
  const lbs = Object.values(t.loadBalancers);
  for (let i = 0; i < lbs.length; i++) {
    const lb = lbs[i]!;
    const proto = PROTO_NAME[lb.protocol];
    if (!proto) continue;
    const vips =
      lb.kind === 'nodeport' || lb.frontendVips.length === 0
        ? nodes.flatMap((n) => (n.managementIp ? [n.managementIp] : []))
        : lb.frontendVips;
    for (let v = 0; v < vips.length; v++) {
      const vip = vips[v]!;
      if (anyCovered && has(covered[proto], vip, lb.externalPort)) continue;
      if (!(key = fresh(vip, lb.externalPort, proto))) continue;
      const kind: DestinationKind =
        vip === dns
          ? 'dns'
          : lb.kind === 'nodeport' || lb.frontendVips.length === 0
            ? 'nodeport'
            : lb.kind === 'externalip'
              ? 'externalip'
              : 'service';
      yield make(
        key,
        kind,
        `${kind === 'nodeport' ? 'NodePort' : kind === 'externalip' ? 'externalIP' : 'VIP'} ${vip}:${lb.externalPort}/${proto}`,
        vip,
        lb.externalPort,
        proto,
        null,
        kind === 'nodeport' ? (nodes.find((n) => n.managementIp === vip)?.name ?? null) : null,
      );
    }
    for (let b = 0; b < lb.backendEndpointIds.length; b++) {
      const ep = t.endpoints[lb.backendEndpointIds[b]!];
      if (!ep?.ipAddress || !(key = fresh(ep.ipAddress, lb.internalPort, proto))) continue;
      const pod = ep.podId ? t.pods[ep.podId] : undefined;
      yield make(
        key,
        'pod',
        `${pod ? pod.name : ep.name || ep.ipAddress}:${lb.internalPort}/${proto}`,
        ep.ipAddress,
        lb.internalPort,
        proto,
        pod?.namespace || null,
        t.nodes[ep.nodeId]?.name ?? null,
      );
    }
  }
  // Ports a pod's own inbound rules open (a NetworkPolicy on a pod no service targets).
  const c = compileTopology(t);
  const eps = Object.values(t.endpoints);
  for (let e = 0; e < eps.length; e++) {
    const ep = eps[e]!;
    if (!ep.portId || ep.isRemote || !ep.ipAddress || ep.role !== 'pod') continue;
    const pod = ep.podId ? t.pods[ep.podId] : undefined;
    // Old design: a pod's NAT endpoint is not where its services point.
    if (pod && pod.ip !== ep.ipAddress) continue;
    // The rule lists without their matchers: a big dump's ports need not all compile here.
    const lists = portInRules(c, ep.portId);
    for (let l = 0; l < lists.length; l++) {
      const rules = lists[l]!;
      if (rules.length > 64) continue;
      for (let k = 0; k < rules.length; k++) {
        const r = rules[k]!;
        if (r.type !== 'allow') continue;
        const ports = r.conditions.dstPorts;
        const protos = r.conditions.protocols;
        if (!ports || ports.length !== 1 || ports[0]!.from !== ports[0]!.to) continue;
        const port = ports[0]!.from;
        for (const pn of protos ?? [6]) {
          const proto = PROTO_NAME[pn];
          if (proto && proto !== 'icmp' && (key = fresh(ep.ipAddress, port, proto)))
            yield make(
              key,
              'pod',
              `${pod ? `${pod.namespace ? `${pod.namespace}/` : ''}${pod.name}` : ep.name || ep.ipAddress}:${port}/${proto}`,
              ep.ipAddress,
              port,
              proto,
              pod?.namespace || null,
              t.nodes[ep.nodeId]?.name ?? null,
            );
        }
      }
    }
  }
  const internet = Object.values(t.externals).filter((e) => e.kind === 'internet-server');
  for (const e of internet) {
    for (const l of e.listens) {
      const proto = PROTO_NAME[l.protocol];
      if (proto && (key = fresh(e.ip, l.port, proto)))
        yield make(
          key,
          'internet',
          `${e.name} ${e.ip}:${l.port}/${proto}`,
          e.ip,
          l.port,
          proto,
          null,
          null,
        );
    }
    if ((key = fresh(e.ip, 0, 'icmp')))
      yield make(key, 'internet', `${e.name} ${e.ip} ICMP`, e.ip, 0, 'icmp', null, null);
  }
  if (internet.length === 0) {
    if ((key = fresh(INTERNET_IP, 443, 'tcp')))
      yield make(
        key,
        'internet',
        `internet ${INTERNET_IP}:443/tcp`,
        INTERNET_IP,
        443,
        'tcp',
        null,
        null,
      );
    if ((key = fresh(INTERNET_IP, 0, 'icmp')))
      yield make(
        key,
        'internet',
        `internet ${INTERNET_IP} ICMP`,
        INTERNET_IP,
        0,
        'icmp',
        null,
        null,
      );
  }
}

/** Ports by address: one port as a number, more as a set. */
type PortsByIp = Map<string, number | Set<number>>;
const has = (m: PortsByIp, ip: string, port: number): boolean => {
  const got = m.get(ip);
  return got === port || (typeof got === 'object' && got.has(port));
};
const put = (m: PortsByIp, ip: string, port: number): void => {
  const got = m.get(ip);
  if (got === undefined) m.set(ip, port);
  else if (typeof got === 'number') {
    if (got !== port) m.set(ip, new Set([got, port]));
  } else got.add(port);
};

/**
 * The first `n` columns of `columns`, which stays open for the rest (a `for…of` that breaks
 * would end the generator: its `return()` runs).
 */
export function firstColumns(columns: Iterator<MatrixDestination>, n: number): MatrixDestination[] {
  const out: MatrixDestination[] = [];
  while (out.length < n) {
    const r = columns.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

/** `ip` as a number, for sorting and matching (0 when unparseable). */
export const ipNum = (ip: string) => parseIpv4(ip) ?? 0;
export { formatIpv4 };
