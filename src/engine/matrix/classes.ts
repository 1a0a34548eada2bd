/**
 * Source equivalence classes. Two pod sources are in one class when swapping their identities
 * (addresses, MACs, ids, names) leaves the topology unchanged apart from load-balancer backend
 * lists: the same node; the same programs on their own ports up to their own address; the
 * same endpoint and route settings up to it; mentioned the same way everywhere else (a rule on
 * another port naming one of them, such as a NetworkPolicy ACL, splits them); and inside the
 * same wider prefixes of every rule and host object (atoms, as in atomic-predicate
 * verification). Backend lists are left out on purpose: which backend a packet gets is a hash
 * of its tuple, so `compute.ts` replays each traced choice for every member instead.
 * Hosts and external clients are classes of their own.
 */
import { parseIpv4, type Cidr } from '../../shared/ip';
import type { Endpoint, Pod, Topology } from '../../model/types';
import { compileTopology, compiledPort, type CompiledTopology } from '../compile';
import { Scanner, type Cond } from './scan';
import { sameArray } from './prints';
import type { OwnTokens } from './tokens';
export { substitute, tokenRegex, type OwnTokens } from './tokens';
import type { MatrixSource } from './types';

export interface SourceClasses {
  /** Source indexes per class; the first is the class's first representative. */
  readonly classes: readonly (readonly number[])[];
  /** Per source (null for hosts and external clients). */
  readonly tokens: readonly (OwnTokens | null)[];
  /** Per source: its class key (for diagnosis; equal keys may still differ in programs). */
  readonly keys: readonly string[];
  /** Per source: its whole program's id (equal ids: the same programs up to own tokens). */
  readonly programs: readonly number[];
  /** The wider prefixes (not /32, not /0) of every rule and host object. */
  readonly wide: readonly Cidr[];
  /**
   * Per source: the conditions of the rules its own connections cannot meet (left out of its
   * class key), and whether other ports name it in rules its connections cannot meet.
   */
  readonly skipped: readonly (readonly Cond[])[];
  readonly inert: readonly boolean[];
}

function podOf(t: Topology, s: MatrixSource): { pod: Pod | null; eps: Endpoint[] } {
  if (s.id.startsWith('pod:')) {
    const pod = t.pods[s.id.slice(4)] ?? null;
    const eps = (pod?.endpointIds ?? []).flatMap((id) =>
      t.endpoints[id] ? [t.endpoints[id]] : [],
    );
    return { pod, eps };
  }
  const ep = t.endpoints[s.id.slice('endpoint:'.length)];
  return { pod: null, eps: ep ? [ep] : [] };
}

/**
 * Remote endpoints by address: on a cluster each pod has one on every other node (kube-proxy's
 * or the CNI's stand-in for it), naming its address and often its MAC. Read as the pod's own
 * objects (`standIns`), so pods alike up to their identity stay in one class; read as other
 * objects, every stand-in was a mention of its pod at a place of its own (its id), which made
 * every pod of a cluster a class of its own (every cell traced).
 */
function remotesByIp(t: Topology): Map<string, Endpoint[]> {
  const out = new Map<string, Endpoint[]>();
  for (const e of Object.values(t.endpoints)) {
    if (!e.isRemote || !e.ipAddress) continue;
    const l = out.get(e.ipAddress);
    if (l) l.push(e);
    else out.set(e.ipAddress, [e]);
  }
  return out;
}

/** The remote endpoints on other nodes that stand for `eps` (same address), by node then id. */
function standIns(eps: readonly Endpoint[], remotes: Map<string, Endpoint[]>): Endpoint[] {
  const out: Endpoint[] = [];
  for (const ep of eps) {
    if (ep.isRemote || !ep.ipAddress) continue;
    for (const r of remotes.get(ep.ipAddress) ?? [])
      if (r.nodeId !== ep.nodeId && !out.includes(r)) out.push(r);
  }
  return out.sort((a, b) =>
    a.nodeId === b.nodeId ? (a.id < b.id ? -1 : 1) : a.nodeId < b.nodeId ? -1 : 1,
  );
}

function ownTokens(t: Topology, s: MatrixSource, remotes: Map<string, Endpoint[]>): OwnTokens {
  const { pod, eps } = podOf(t, s);
  const stand = standIns(eps, remotes);
  const roles: string[] = [];
  const values: string[] = [];
  const ips: number[] = [];
  const add = (role: string, v: string | null | undefined) => {
    if (!v || values.includes(v)) return;
    roles.push(role);
    values.push(v);
  };
  if (pod) {
    add('pod.id', pod.id);
    add('pod.name', pod.name);
    add('pod.ip', pod.ip);
  }
  eps.forEach((ep, i) => {
    add(`ep${i}.id`, ep.id);
    add(`ep${i}.name`, ep.name);
    add(`ep${i}.ip`, ep.ipAddress);
    add(`ep${i}.mac`, ep.macAddress);
    const port = ep.portId ? t.ports[ep.portId] : undefined;
    add(`ep${i}.port`, ep.portId);
    add(`ep${i}.portName`, port?.name);
    add(`ep${i}.friendly`, port?.friendlyName);
    ips.push(parseIpv4(ep.ipAddress ?? '') ?? -1);
  });
  if (pod) ips.unshift(parseIpv4(pod.ip) ?? -1);
  // Its stand-ins' own texts (their address is the pod's: no address of their own).
  stand.forEach((r, i) => {
    add(`sb${i}.id`, r.id);
    add(`sb${i}.name`, r.name);
    add(`sb${i}.mac`, r.macAddress);
  });
  return {
    roles,
    values,
    ips,
    portIds: eps.flatMap((e) => (e.portId && !e.isRemote ? [e.portId] : [])),
    endpointIds: eps.map((e) => e.id),
    standInIds: stand.map((e) => e.id),
  };
}

function hashArray(a: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const v of a) h = Math.imul(h ^ v, 0x01000193) >>> 0;
  return h;
}

/** Group `sources` into classes whose members behave alike up to their own identity. */
export function sourceClasses(t: Topology, sources: readonly MatrixSource[]): SourceClasses {
  const c: CompiledTopology = compileTopology(t);
  const remotes = remotesByIp(t);
  const tokens = sources.map((s) => (s.kind === 'pod' ? ownTokens(t, s, remotes) : null));
  const portOwner = new Map<string, number>();
  const epOwner = new Map<string, number>();
  const standInOwner = new Map<string, number>();
  tokens.forEach((tok, s) => {
    for (const p of tok?.portIds ?? []) portOwner.set(p, s);
    for (const e of tok?.endpointIds ?? []) epOwner.set(e, s);
    for (const e of tok?.standInIds ?? []) standInOwner.set(e, standInOwner.has(e) ? -1 : s);
  });
  const sc = new Scanner(tokens);

  // Every port's program (sources' own ports normalised); other ports only for mentions.
  const portSig = new Map<string, number[]>();
  const portRel = new Map<string, number[]>();
  for (const id of Object.keys(t.ports)) {
    const cp = compiledPort(c, id);
    if (!cp) continue;
    const owner = portOwner.get(id) ?? -1;
    const rel = owner >= 0 ? [] : null;
    portSig.set(id, sc.scanPort(cp, owner, rel));
    if (rel) portRel.set(id, rel);
  }
  // Host-side objects the engine reads; backend lists and membership lists left out.
  for (const n of Object.values(t.nodes))
    sc.scanObject(
      `node:${n.id}`,
      {
        ...n,
        kubeProxy: n.kubeProxy && {
          ...n.kubeProxy,
          proxies: (n.kubeProxy.proxies ?? []).map((p) => ({ ...p, backends: p.backends.length })),
        },
      },
      -1,
    );
  for (const x of Object.values(t.networks)) sc.scanObject(`network:${x.id}`, x, -1);
  for (const lb of Object.values(t.loadBalancers))
    sc.scanObjectRead(
      `lb:${lb.id}`,
      { ...lb, backendEndpointIds: lb.backendEndpointIds.length },
      -1,
    );
  for (const e of Object.values(t.externals)) sc.scanObject(`external:${e.id}`, e, -1);
  if (t.underlay) sc.scanObject('underlay', t.underlay, -1);
  if (t.cluster) sc.scanObject('cluster', t.cluster, -1);
  // A stand-in is its pod's (in its key, below) but may name other sources too.
  for (const e of Object.values(t.endpoints))
    if (!epOwner.has(e.id)) sc.scanObject(`endpoint:${e.id}`, e, standInOwner.get(e.id) ?? -1);
  const sourceIds = new Set(sources.map((s) => s.id));
  for (const p of Object.values(t.pods))
    if (!sourceIds.has(`pod:${p.id}`)) sc.scanObject(`pod:${p.id}`, p.routes, -1);
  for (const p of Object.values(t.ports))
    if (!portOwner.has(p.id))
      sc.scanObject(`port:${p.id}`, { ...p, layerIds: p.layerIds.length }, -1);
  const wide = [...sc.wide.values()];

  const keys = sources.map((s, i) => {
    const tok = tokens[i];
    if (!tok) return `single:${s.id}`;
    const { pod, eps } = podOf(t, s);
    const stand = (tok.standInIds ?? []).map((id) => t.endpoints[id]!);
    const own = sc.norm(
      JSON.stringify({
        node: s.node,
        routes: pod?.routes ?? null,
        eps: eps.map((e) => ({ ...e, provenance: null })),
        stand: stand.map((e) => ({ ...e, provenance: null })),
        ports: tok.portIds.map((id) => {
          const p = t.ports[id];
          return p && { ...p, layerIds: p.layerIds.length, provenance: null };
        }),
      }),
      i,
    );
    const atoms: number[] = [];
    for (const ip of tok.ips) {
      atoms.push(-1);
      wide.forEach((w, k) => {
        if (ip >= 0 && ((ip ^ w.base) & w.mask) === 0) atoms.push(k);
      });
    }
    const progs = tok.portIds.map((id) => hashArray(portRel.get(id) ?? []));
    // Dump texts (names, ids) may hold any character: the mentions as a JSON list, so no
    // mention reads as two, and each led by its place's length (see `scanObject`, `scanPort`).
    return `${own}\n${progs.join(',')}\n${atoms.join(',')}\n${JSON.stringify([...sc.mentions[i]!].sort())}`;
  });

  // Group by key; within a key, split by exact program arrays (hashes can collide).
  const byKey = new Map<string, number[][]>();
  const classes: number[][] = [];
  keys.forEach((k, i) => {
    const tok = tokens[i];
    const progs = (tok?.portIds ?? []).map((id) => portRel.get(id) ?? []);
    let groups = byKey.get(k);
    if (!groups) byKey.set(k, (groups = []));
    const g = groups.find((members) => {
      const other = (tokens[members[0]!]?.portIds ?? []).map((id) => portRel.get(id) ?? []);
      return other.length === progs.length && other.every((a, j) => sameArray(a, progs[j]!));
    });
    if (g) g.push(i);
    else {
      const fresh = [i];
      groups.push(fresh);
      classes.push(fresh);
    }
  });
  // Whole programs, for members picked as their own backend (see `irrelevant`): one id each.
  const programIds = new Map<string, number>();
  const programs = tokens.map((tok, i) => {
    if (!tok) return -1 - i;
    // With the mentions its own connections cannot meet: they matter when it is the backend.
    const k = `${keys[i]}\n${tok.portIds.map((id) => (portSig.get(id) ?? []).join(',')).join('|')}\n${JSON.stringify([...sc.inert[i]!].sort())}`;
    let n = programIds.get(k);
    if (n === undefined) programIds.set(k, (n = programIds.size));
    return n;
  });
  return {
    classes,
    tokens,
    keys,
    programs,
    wide,
    skipped: sc.skipped,
    inert: sc.inert.map((l) => l.length > 0),
  };
}
