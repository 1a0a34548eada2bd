/**
 * Resolve the user's `from` / `to` into model objects and addresses: pod names, IPs, node
 * names (the host), external names, `ip:port`, `service[:port]`, `pod:port`.
 */
import { isIpv4, parseIpv4 } from '../shared/ip';
import type { Endpoint, External, Pod, Service } from '../model/types';
import type { CNode, CompiledTopology } from './compile';
import { TraceInputError } from './types';
import { entryOf } from '../shared/table';
import { PORT_MAX } from '../model/port-ranges';

export type Source =
  | { readonly kind: 'pod'; readonly pod: Pod }
  | { readonly kind: 'host'; readonly node: CNode }
  | { readonly kind: 'external'; readonly external: External };

export interface Target {
  readonly ip: number;
  readonly port: number;
  readonly assumptions: readonly string[];
}

// Resolved sources per compiled topology: an address or endpoint name is looked up by scanning
// the endpoints, which on a cluster of thousands would dominate every trace. Bounded like targets.
const sources = new WeakMap<CompiledTopology, Map<string, Source>>();

/** Resolve `--from` (memoised per topology; a failure is not kept and throws again). */
export function resolveSource(c: CompiledTopology, from: string): Source {
  let m = sources.get(c);
  if (!m) sources.set(c, (m = new Map<string, Source>()));
  let hit = m.get(from);
  if (!hit) {
    hit = resolveSourceText(c, from);
    if (m.size >= MAX_TARGETS) m.clear();
    m.set(from, hit);
  }
  return hit;
}

function resolveSourceText(c: CompiledTopology, from: string): Source {
  const pod = c.podByName.get(from);
  if (pod) return { kind: 'pod', pod };
  const node = c.nodeByName.get(from) ?? c.nodes.get(from);
  if (node) return { kind: 'host', node };
  const ext = c.externalByName.get(from);
  if (ext) return { kind: 'external', external: ext };
  const named = entryOf(c.t.endpoints, from) ?? localEndpoints(c).find((e) => e.name === from);
  if (named?.portId && !named.isRemote) return endpointSource(c, named);
  const ip = parseIpv4(from);
  if (ip === null) {
    if (/^[\d.]+$/.test(from))
      throw new TraceInputError('--from', `--from: malformed IPv4 address '${from}'`);
    throw new TraceInputError('--from', `--from: unknown pod, node or external '${from}'`);
  }
  const byIp = c.podByIp.get(ip);
  if (byIp) return { kind: 'pod', pod: byIp };
  for (const ep of Object.values(c.t.endpoints)) {
    if (ep.podId && !ep.isRemote && parseIpv4(ep.ipAddress ?? '') === ip) {
      const p = c.t.pods[ep.podId];
      if (p) return { kind: 'pod', pod: p };
    }
  }
  const local = localEndpoints(c).find(
    (ep) => ep.role !== 'host' && parseIpv4(ep.ipAddress ?? '') === ip,
  );
  if (local) return endpointSource(c, local);
  const n = c.nodeByIp.get(ip);
  if (n) return { kind: 'host', node: n };
  const e = c.externalByIp.get(ip);
  if (e) return { kind: 'external', external: e };
  throw new TraceInputError('--from', `--from: no pod, node or external has address ${from}`);
}

// Dumps: a local endpoint with no pod (HNS does not name pods) can still send. It is traced as
// a one-endpoint pod of the same name; one object per endpoint so podRoutes() memoises.
const podless = new WeakMap<CompiledTopology, Map<string, Pod>>();

/** Local endpoints with a port and no pod (dumps), in id order. */
function localEndpoints(c: CompiledTopology): Endpoint[] {
  return Object.values(c.t.endpoints).filter((e) => e.portId !== null && !e.isRemote && !e.podId);
}

function endpointSource(c: CompiledTopology, ep: Endpoint): Source {
  const own = ep.podId ? c.t.pods[ep.podId] : undefined;
  if (own) return { kind: 'pod', pod: own };
  let m = podless.get(c);
  if (!m) podless.set(c, (m = new Map<string, Pod>()));
  let pod = m.get(ep.id);
  if (!pod) {
    pod = {
      id: `endpoint:${ep.id}`,
      name: ep.name || ep.id,
      namespace: '',
      nodeId: ep.nodeId,
      ip: ep.ipAddress ?? '',
      endpointIds: [ep.id],
      routes: [],
      labels: {},
    };
    m.set(ep.id, pod);
  }
  return { kind: 'pod', pod };
}

// Resolved targets per compiled topology, protocol and text: a sweep resolves every service
// port once per pod. Bounded so a long session cannot grow it without end.
const targets = new WeakMap<CompiledTopology, Map<number, Map<string, Target>>>();
const MAX_TARGETS = 100_000;

/** Resolve `--to` (`ip[:port]`, `pod[:port]`, `service[:port]`, node or external name). */
export function resolveTarget(c: CompiledTopology, to: string, proto: number): Target {
  let byProto = targets.get(c);
  if (!byProto) {
    byProto = new Map();
    targets.set(c, byProto);
  }
  let m = byProto.get(proto);
  if (!m) {
    m = new Map();
    byProto.set(proto, m);
  }
  let hit = m.get(to);
  if (!hit) {
    hit = resolveTargetText(c, to, proto);
    if (m.size >= MAX_TARGETS) m.clear();
    m.set(to, hit);
  }
  return hit;
}

function resolveTargetText(c: CompiledTopology, to: string, proto: number): Target {
  const m = /^(.*?)(?::(\d+))?$/.exec(to.trim());
  const name = m?.[1] ?? '';
  const portText = m?.[2];
  if (portText !== undefined && (Number(portText) < 1 || Number(portText) > PORT_MAX))
    throw new TraceInputError('--to', `--to: bad port '${portText}'`);
  const explicit = portText !== undefined ? Number(portText) : null;
  const assumptions: string[] = [];
  const port = (fallback: number | null): number => {
    if (proto === 1) return 0;
    if (explicit !== null) return explicit;
    if (fallback !== null) return fallback;
    assumptions.push('No destination port given: port 80 assumed.');
    return 80;
  };
  const dns = dnsName(c, name);
  if (dns) assumptions.push(dns.how);
  const svc = dns?.service ?? c.serviceByName.get(name);
  if (svc) {
    const sp = svc.ports.find((x) => x.protocol === proto) ?? svc.ports[0];
    return { ip: parseIpv4(svc.clusterIp) ?? 0, port: port(sp?.port ?? null), assumptions };
  }
  const pod = c.podByName.get(name);
  if (pod) return { ip: parseIpv4(pod.ip) ?? 0, port: port(null), assumptions };
  const node = c.nodeByName.get(name);
  if (node && node.ip !== null) return { ip: node.ip, port: port(null), assumptions };
  const ext = c.externalByName.get(name);
  if (ext)
    return {
      ip: parseIpv4(ext.ip) ?? 0,
      port: port(ext.listens.find((l) => l.protocol === proto)?.port ?? null),
      assumptions,
    };
  const ip = parseIpv4(name);
  if (ip === null) {
    if (/^[\d.]+$/.test(name) || isIpv4(name))
      throw new TraceInputError('--to', `--to: malformed IPv4 address '${name}'`);
    throw new TraceInputError('--to', `--to: unknown pod, service, node or external '${name}'`);
  }
  const viaSvc = c.serviceByVip.get(ip);
  return {
    ip,
    port: port(viaSvc?.ports.find((x) => x.protocol === proto)?.port ?? null),
    assumptions,
  };
}

const R_NAMES = 'domain.md §7 S11 [S7]';
const CLUSTER_DOMAIN = 'cluster.local';

/**
 * A Service's DNS name (domain.md §7 S11): `web`, `web.default`, `web.default.svc`,
 * `web.default.svc.cluster.local[.]`. Which forms resolve depends on who appends the search
 * suffixes. From 1709 the pod's own resolver does, with the endpoint's search list, and only to
 * a name without dots; an FQDN needs none (k8s docs [S7]). In WS2016 kube-proxy's DNS proxy
 * retried every A query with "", `default.svc.cluster.local`, `svc.cluster.local`,
 * `cluster.local` (winuserspace proxysocket.go), so every form of a `default` Service resolved.
 * Null when `name` is not such a name (a pod, node or plain Service name falls through).
 */
function dnsName(c: CompiledTopology, name: string): { service: Service; how: string } | null {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(name) || isIpv4(name.replace(/\.$/, ''))) return null;
  const labels = name.replace(/\.$/, '').toLowerCase().split('.');
  const [svcName, ns] = labels;
  const rest = labels.slice(2).join('.');
  if (rest !== '' && rest !== 'svc' && rest !== `svc.${CLUSTER_DOMAIN}`) return null;
  const service = Object.values(c.t.services).find((x) => x.name === svcName && x.namespace === ns);
  if (!service) return null;
  const fqdn = `${svcName}.${ns}.svc.${CLUSTER_DOMAIN}`;
  const userspace = [...c.nodes.values()].some((n) => n.node.kubeProxy?.mode === 'userspace');
  if (rest === `svc.${CLUSTER_DOMAIN}`)
    return { service, how: `${name} is a fully qualified name: resolved as is (${R_NAMES}).` };
  if (userspace)
    return {
      service,
      how: `${name}: kube-proxy's DNS proxy retried the query with its suffixes and ${fqdn} answered (${R_NAMES}; domain.md §3.2 [S5]).`,
    };
  throw new TraceInputError(
    '--to',
    `--to: ${name} does not resolve from a Windows pod: its resolver appends the search suffixes only to a name without dots (use ${svcName} or ${fqdn}; ${R_NAMES})`,
  );
}
