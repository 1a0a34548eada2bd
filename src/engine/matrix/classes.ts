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
import { parseCidr, parseIpv4, type Cidr } from '../../shared/ip';
import type { Endpoint, Pod, PortRange, Topology } from '../../model/types';
import { compileTopology, compiledPort, type CompiledTopology } from '../compile';
import type { CGroup, CPort, Matcher, RuleBody } from '../compile-vfp';
import type { MatrixSource } from './types';

/** A source's own identity: tokens by role, so two members' tokens correspond. */
export interface OwnTokens {
  readonly roles: readonly string[];
  readonly values: readonly string[];
  /** The source's own addresses, by role, as numbers (the replayed choices map them). */
  readonly ips: readonly number[];
  readonly portIds: readonly string[];
  readonly endpointIds: readonly string[];
}

export interface SourceClasses {
  /** Source indexes per class; the first is the class's first representative. */
  readonly classes: readonly (readonly number[])[];
  /** Per source (null for hosts and external clients). */
  readonly tokens: readonly (OwnTokens | null)[];
  /** Per source: its class key (for diagnosis; equal keys may still differ in programs). */
  readonly keys: readonly string[];
  /** Per source: its whole program's id (equal ids: the same programs up to own tokens). */
  readonly programs: readonly number[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replace `tok`'s values by their roles in `text` (longest first, whole tokens only). */
export function tokenRegex(tok: OwnTokens): RegExp | null {
  const vals = [...tok.values].filter((v) => v.length > 0);
  if (vals.length === 0) return null;
  vals.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![A-Za-z0-9])(?:${vals.map(esc).join('|')})(?![A-Za-z0-9])`, 'g');
}

/** `text` with `from`'s tokens written as `to`'s (or as role placeholders when `to` is null). */
export function substitute(
  text: string,
  from: OwnTokens,
  re: RegExp | null,
  to: OwnTokens | null,
): string {
  if (!re) return text;
  return text.replace(re, (m) => {
    const i = from.values.indexOf(m);
    return to ? (to.values[i] ?? m) : `\u27e8${from.roles[i] ?? '?'}\u27e9`;
  });
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

function ownTokens(t: Topology, s: MatrixSource): OwnTokens {
  const { pod, eps } = podOf(t, s);
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
  return {
    roles,
    values,
    ips,
    portIds: eps.flatMap((e) => (e.portId && !e.isRemote ? [e.portId] : [])),
    endpointIds: eps.map((e) => e.id),
  };
}

const SPLIT = /[\s_"{}[\],()/=|;]+/;

/** Which sources' tokens occur in texts (memoised per text and per object). */
class Hits {
  private readonly byToken = new Map<string, number[]>();
  private readonly byText = new Map<string, readonly number[]>();
  constructor(tokens: readonly (OwnTokens | null)[]) {
    tokens.forEach((tok, s) => {
      for (const v of tok?.values ?? []) {
        const l = this.byToken.get(v);
        if (l) {
          if (!l.includes(s)) l.push(s);
        } else this.byToken.set(v, [s]);
      }
    });
  }
  of(text: string): readonly number[] {
    let h = this.byText.get(text);
    if (h) return h;
    const out: number[] = [];
    const look = (piece: string) => {
      for (const s of this.byToken.get(piece) ?? []) if (!out.includes(s)) out.push(s);
    };
    look(text);
    for (const piece of text.split(SPLIT)) {
      if (!piece) continue;
      look(piece);
      const colon = piece.indexOf(':');
      // `10.244.1.10:8080`, but not a MAC.
      if (colon > 0 && piece.length !== 17) look(piece.slice(0, colon));
      if (piece.endsWith('.')) look(piece.slice(0, -1));
    }
    h = out.length === 0 ? NONE : out;
    this.byText.set(text, h);
    return h;
  }
}
const NONE: readonly number[] = [];

interface ObjInfo {
  readonly id: number;
  readonly text: string;
  readonly hits: readonly number[];
}

/** Everything about the topology the class keys need, computed in one pass over all ports. */
class Scanner {
  readonly hits: Hits;
  private readonly objs = new WeakMap<object, ObjInfo>();
  private nextId = 1;
  private readonly names = new Map<string, ObjInfo>();
  /** Wide prefixes (not /32, not /0) of every rule and host object, by `base/bits`. */
  readonly wide = new Map<string, Cidr>();
  /** Per source: mentions outside its own objects, as normalised text. */
  readonly mentions: string[][];
  readonly regex: (RegExp | null)[];

  constructor(
    readonly tokens: readonly (OwnTokens | null)[],
    private readonly portOwner: Map<string, number>,
  ) {
    this.hits = new Hits(tokens);
    this.mentions = tokens.map(() => []);
    this.regex = tokens.map((t) => (t ? tokenRegex(t) : null));
  }

  norm(text: string, s: number): string {
    return substitute(text, this.tokens[s]!, this.regex[s]!, null);
  }

  obj(o: object, text: () => string): ObjInfo {
    let i = this.objs.get(o);
    if (!i) {
      // Equal text, equal id: ports often hold equal but distinct condition objects.
      const tx = text();
      i = this.names.get(tx);
      if (!i) {
        i = { id: this.nextId++, text: tx, hits: this.hits.of(tx) };
        this.names.set(tx, i);
      }
      this.objs.set(o, i);
    }
    return i;
  }

  name(n: string): ObjInfo {
    let i = this.names.get(n);
    if (!i) {
      i = { id: this.nextId++, text: n, hits: this.hits.of(n) };
      this.names.set(n, i);
    }
    return i;
  }

  addWide(text: string): void {
    const c = parseCidr(text);
    if (c && c.bits > 0 && c.bits < 32) this.wide.set(`${c.base}/${c.bits}`, c);
  }

  /** Mentions of sources in a non-VFP object (backend lists removed by the caller). */
  scanObject(where: string, o: unknown, owner: number): void {
    const text = JSON.stringify(o) ?? '';
    for (const m of text.matchAll(/\d+\.\d+\.\d+\.\d+\/\d+/g)) this.addWide(m[0]);
    for (const s of this.hits.of(text))
      if (s !== owner) this.mentions[s]!.push(`${where}|${this.norm(text, s)}`);
  }

  /**
   * Per distinct rule list (found by its shared matcher, then checked by identity of names
   * and actions): its pools, hits and encoded rules, so 300 ports × 5,000 LB_DSR rules are
   * encoded once.
   */
  private readonly memos = new WeakMap<Matcher, GroupMemo[]>();

  private memoOf(g: CGroup): GroupMemo {
    let list = this.memos.get(g.m);
    if (!list) this.memos.set(g.m, (list = []));
    const found = list.find((x) => sameRules(x.rules, g.rules));
    if (found) return found;
    const pools = groupPools(g);
    const hit = new Set<number>();
    for (const r of g.rules) {
      for (const s of this.name(r.name).hits) hit.add(s);
      for (const s of this.condInfo(r, null).hits) hit.add(s);
      if (r.action.kind !== 'lbnat') for (const s of this.actInfo(r).hits) hit.add(s);
    }
    const memo: GroupMemo = { rules: g.rules, pools, hit, encoded: new Map() };
    list.push(memo);
    return memo;
  }

  private condInfo(
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null } | null,
  ): ObjInfo {
    return this.obj(r.conditions, () => {
      for (const c of [...(cc?.src ?? []), ...(cc?.dst ?? [])])
        if (c.bits > 0 && c.bits < 32) this.wide.set(`${c.base}/${c.bits}`, c);
      if (!cc)
        for (const x of [...(r.conditions.srcPrefixes ?? []), ...(r.conditions.dstPrefixes ?? [])])
          this.addWide(x);
      return JSON.stringify(r.conditions);
    });
  }

  private actInfo(r: RuleBody): ObjInfo {
    return this.obj(r.action, () => JSON.stringify(r.action));
  }

  /**
   * A port's program as numbers (layers, groups, rules), written so that two ports whose
   * programs are equal up to their owners' own tokens give equal arrays. Also records other
   * sources' mentions and the wide prefixes. For an owned port, `relevant` gets the same
   * without the rules a packet of its owner's connections can never meet there (see
   * `irrelevant`).
   */
  scanPort(cp: CPort, owner: number, relevant: number[] | null): number[] {
    const sig: number[] = [];
    const own = (text: string) => (owner >= 0 ? this.norm(text, owner) : text);
    const str = (text: string) => this.name(own(text)).id;
    const groups = cp.layers.map((cl) => [...cl.outGroups, ...cl.inGroups]);
    const memos = groups.map((gs) => gs.map((g) => this.memoOf(g)));
    const src: [number, number][] = [];
    const dst: [number, number][] = [];
    for (const ms of memos)
      for (const m of ms) {
        src.push(...m.pools.src);
        dst.push(...m.pools.dst);
      }
    const pools: Pools = { src: dedupe(src), dst: dedupe(dst) };
    const poolsKey = relevant ? JSON.stringify(pools) : '';
    cp.layers.forEach((cl, li) => {
      const l = cl.layer;
      const head = [
        -1,
        str(l.name),
        l.priority,
        l.stateful ? 1 : 0,
        l.defaultAction === 'block' ? 1 : 0,
      ];
      sig.push(...head);
      relevant?.push(...head);
      groups[li]!.forEach((g, gi) => {
        const gr = g.group;
        const gh = [
          -2,
          str(gr.name),
          gr.direction === 'in' ? 1 : 0,
          gr.priority,
          gr.matchType === 'lpm' ? 1 : 0,
        ];
        sig.push(...gh);
        relevant?.push(...gh);
        const memo = memos[li]![gi]!;
        const reuse = !memo.hit.has(owner);
        let enc = reuse ? memo.encoded.get(poolsKey) : undefined;
        if (!enc) {
          const seg: number[] = [];
          const rel: number[] = [];
          const ments: [number, string][] = [];
          for (let k = 0; k < g.rules.length; k++) {
            const r = g.rules[k]!;
            const at = seg.length;
            this.rule(seg, ments, r, g.m.conds[k]!, owner);
            if (relevant && !irrelevant(r, gr.direction, pools))
              for (let i = at; i < seg.length; i++) rel.push(seg[i]!);
          }
          // A group's encoding is one number: equal encodings, equal ids.
          enc = {
            seg: this.name(`S${seg.join(',')}`).id,
            rel: this.name(`R${rel.join(',')}`).id,
            ments,
          };
          if (reuse) memo.encoded.set(poolsKey, enc);
        }
        sig.push(enc.seg);
        relevant?.push(enc.rel);
        for (const [s, text] of enc.ments)
          if (s !== owner) this.mentions[s]!.push(`${cp.port.id}|${text}`);
      });
    });
    return sig;
  }

  private rule(
    sig: number[],
    ments: [number, string][],
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
    owner: number,
  ): void {
    const name = this.name(r.name);
    const cond = this.condInfo(r, cc);
    const act = this.actInfo(r);
    // An lbnat action's backends are a backend list: they are never a mention (see above).
    const actHits = r.action.kind === 'lbnat' ? NONE : act.hits;
    const flags = (r.terminating ? 1 : 0) | (r.stateful ? 2 : 0);
    if (name.hits.length + cond.hits.length + actHits.length === 0) {
      sig.push(name.id, r.priority, flags, cond.id, act.id);
      return;
    }
    const text = () =>
      `${r.name}|${r.priority}|${r.type}|${flags}|${cond.text}|${r.action.kind === 'lbnat' ? `#${act.id}` : act.text}`;
    const hit = new Set([...name.hits, ...cond.hits, ...actHits]);
    if (owner >= 0 && hit.has(owner)) sig.push(-3, this.name(this.norm(text(), owner)).id);
    else sig.push(name.id, r.priority, flags, cond.id, act.id);
    // All of them: the encoding is shared with ports of other owners (filtered at use).
    for (const s of hit) ments.push([s, this.norm(text(), s)]);
  }
}

interface GroupMemo {
  readonly rules: readonly RuleBody[];
  readonly pools: Pools;
  /** Sources any rule of the list names (outside backend lists). */
  readonly hit: Set<number>;
  /** Encoded rules per pools key, for owners the list does not name. */
  readonly encoded: Map<string, { seg: number; rel: number; ments: [number, string][] }>;
}

/** Same rules, given the same matcher (which already fixed conditions, types and priorities). */
function sameRules(a: readonly RuleBody[], b: readonly RuleBody[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.action !== y.action || x.name !== y.name) return false;
    if (x.terminating !== y.terminating || x.stateful !== y.stateful) return false;
  }
  return true;
}

function dedupe(xs: [number, number][]): [number, number][] {
  const seen = new Set<string>();
  return xs
    .filter(([a, b]) => {
      const k = `${a}-${b}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** The source port every matrix request uses (`cellRequest`: the engine's default). */
export const MATRIX_SOURCE_PORT = 50000;

const covers = (rs: readonly PortRange[], lo: number, hi: number) =>
  rs.some((r) => r.from <= hi && lo <= r.to);

interface Pools {
  /** Source ports a rule of the port can rewrite to (going out). */
  readonly src: [number, number][];
  /** Destination ports a rule of the port can rewrite to (coming in). */
  readonly dst: [number, number][];
}

/** Port ranges the rules of a group can rewrite a packet's ports into. */
function groupPools(g: CGroup): Pools {
  const src: [number, number][] = [];
  const dst: [number, number][] = [];
  const seen = new Set<object>();
  for (const r of g.rules) {
    const a = r.action;
    if (seen.has(a)) continue;
    seen.add(a);
    if (a.kind === 'dynnat') src.push([a.portPool.from, a.portPool.to]);
    else if (a.kind === 'lbnat') {
      if (a.snatIp) src.push([0, 65535]);
      for (const b of a.backends) dst.push([b.port, b.port]);
    } else if (a.kind === 'nat' && a.port !== null)
      (a.side === 'source' ? src : dst).push([a.port, a.port]);
  }
  return { src: dedupe(src), dst: dedupe(dst) };
}

/**
 * A rule on a source's own port that none of its connections' packets can match: going out
 * they carry its source port (or one a rule of the port rewrote it to), coming back in that
 * port as destination. The rules HNS adds to a load balancer's backend ports (`ALLOW_NAT_…`
 * from the target port, `NAT_…` to the VIP port) are such: they matter when the pod is the
 * backend, which the matrix checks separately (a member picked as its own backend is only
 * equivalent when its whole program is).
 */
function irrelevant(r: RuleBody, dir: 'in' | 'out', pools: Pools): boolean {
  const ports = dir === 'out' ? r.conditions.srcPorts : r.conditions.dstPorts;
  if (!ports || covers(ports, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) return false;
  return !(dir === 'out' ? pools.src : pools.dst).some(([lo, hi]) => covers(ports, lo, hi));
}

function sameArray(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hashArray(a: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const v of a) h = Math.imul(h ^ v, 0x01000193) >>> 0;
  return h;
}

/** Group `sources` into classes whose members behave alike up to their own identity. */
export function sourceClasses(t: Topology, sources: readonly MatrixSource[]): SourceClasses {
  const c: CompiledTopology = compileTopology(t);
  const tokens = sources.map((s) => (s.kind === 'pod' ? ownTokens(t, s) : null));
  const portOwner = new Map<string, number>();
  const epOwner = new Map<string, number>();
  tokens.forEach((tok, s) => {
    for (const p of tok?.portIds ?? []) portOwner.set(p, s);
    for (const e of tok?.endpointIds ?? []) epOwner.set(e, s);
  });
  const sc = new Scanner(tokens, portOwner);

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
    sc.scanObject(`lb:${lb.id}`, { ...lb, backendEndpointIds: lb.backendEndpointIds.length }, -1);
  for (const e of Object.values(t.externals)) sc.scanObject(`external:${e.id}`, e, -1);
  if (t.underlay) sc.scanObject('underlay', t.underlay, -1);
  if (t.cluster) sc.scanObject('cluster', t.cluster, -1);
  for (const e of Object.values(t.endpoints))
    if (!epOwner.has(e.id)) sc.scanObject(`endpoint:${e.id}`, e, -1);
  for (const p of Object.values(t.pods)) {
    const owner = sources.findIndex((s) => s.id === `pod:${p.id}`);
    if (owner < 0) sc.scanObject(`pod:${p.id}`, p.routes, -1);
  }
  for (const p of Object.values(t.ports))
    if (!portOwner.has(p.id))
      sc.scanObject(`port:${p.id}`, { ...p, layerIds: p.layerIds.length }, -1);
  const wide = [...sc.wide.values()];

  const keys = sources.map((s, i) => {
    const tok = tokens[i];
    if (!tok) return `single:${s.id}`;
    const { pod, eps } = podOf(t, s);
    const own = sc.norm(
      JSON.stringify({
        node: s.node,
        routes: pod?.routes ?? null,
        eps: eps.map((e) => ({ ...e, provenance: null })),
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
    return `${own}\n${progs.join(',')}\n${atoms.join(',')}\n${[...sc.mentions[i]!].sort().join('\n')}`;
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
    const k = tok.portIds.map((id) => (portSig.get(id) ?? []).join(',')).join('|');
    let n = programIds.get(k);
    if (n === undefined) programIds.set(k, (n = programIds.size));
    return n;
  });
  return { classes, tokens, keys, programs };
}
