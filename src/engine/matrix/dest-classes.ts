/**
 * Destination classes. Two service columns are in one class when swapping their identities
 * (the VIP, its load balancers' and services' ids and names) leaves everything a packet to
 * either can meet unchanged, apart from the backend lists: the same kind, port and protocol;
 * the same wider prefixes around the VIP (atoms); the same load-balancer and service objects
 * up to the swap; and the same rules naming them, at the same places. A rule naming a VIP by
 * a /32 condition is met only by packets carrying that VIP, and no rule ever writes a classed
 * VIP into a packet (such VIPs are left out), so the rules naming other VIPs never matter to a
 * column's packets. Where a rule naming the VIP sits on a backend's own port (HNS puts
 * `NAT_…`/`ALLOW_NAT_…` rules there), it counts once, written up to the port owner's identity,
 * and every backend port must hold the same such rules. The backend lists are left out on
 * purpose: `dest-expand.ts` replays each traced backend pick on the column's own list and
 * shares a traced cell only with cells that reach the same backend.
 */
import { parseIpv4, type Cidr } from '../../shared/ip';
import type { LoadBalancer, Topology } from '../../model/types';
import { compileTopology } from '../compile';
import { BackendLists } from './dest-backends';
import { actionWrites, distinctGroups, sizeClass } from './dest-rules';
import { readMentions } from './dest-mentions';
export { picksFor } from './dest-rules';
import type { OwnTokens } from './tokens';
import type { MatrixDestination } from './types';
import type { Cond } from './scan';
import { FixedTexts, type HostObject, type Mention } from './dest-alike';
import { keyHead, objectsOwner, SharedHeads, textKey, vipFacts, type KeyScope } from './dest-key';
import { WrittenVips } from './dest-reps';

export interface DestClasses {
  /** Per destination: its class, or -1 (traced for every source class on its own). */
  readonly classOf: readonly number[];
  /** Per destination: its VIP as a number (-1 outside classes). */
  readonly vip: readonly number[];
  /** Per destination: the backends its load balancer picks from, as `ip * 65536 + port`. */
  readonly list: readonly (readonly number[] | null)[];
  /** Per destination: sources whose own address is one of its backends. */
  readonly backendSources: readonly (readonly number[])[];
  /** Per class: every member's tokens (a cell naming one belongs to its own column only). */
  readonly classTokens: readonly (readonly string[])[];
  /** Per destination in a class: its tokens by role (VIP, then ids and names of its objects). */
  readonly tokens: readonly (readonly string[] | null)[];
  /**
   * Per source: every rule left out of its class key can match only packets to a VIP no rule
   * rewrites to, and no other port names it: picked as its own backend, its walk is its
   * class's up to its identity (else only sources with its whole program share that cell).
   */
  readonly selfClean: readonly boolean[];
  readonly count: number;
}

/** No destination classes: every column traced on its own. */
export function noDestClasses(
  destinations: readonly MatrixDestination[],
  sources = 0,
): DestClasses {
  return {
    selfClean: Array.from({ length: sources }, () => false),
    tokens: destinations.map(() => null),
    classOf: destinations.map(() => -1),
    vip: destinations.map(() => -1),
    list: destinations.map(() => null),
    backendSources: destinations.map(() => []),
    classTokens: [],
    count: 0,
  };
}

const CLASSED_KINDS = new Set(['service', 'externalip', 'dns']);
const IPV4 = /\d{1,3}(?:\.\d{1,3}){3}/g;

/** An array of `n` slots, each undefined. */
const unset = <T>(n: number): (T | undefined)[] => new Array<T | undefined>(n).fill(undefined);

/** Group the service columns of `t` into destination classes. */
export function destinationClasses(
  t: Topology,
  destinations: readonly MatrixDestination[],
  tokens: readonly (OwnTokens | null)[],
  wide: readonly Cidr[],
  skipped: readonly (readonly Cond[])[] = [],
  inert: readonly boolean[] = [],
): DestClasses {
  const c = compileTopology(t);
  const none = noDestClasses(destinations, tokens.length);
  // Candidate VIPs, the addresses of service-like columns, numbered in order of their first
  // column (every table below is by that number): each one's number as an address, its columns.
  const vips: string[] = [];
  const vipIdx = new Map<string, number>();
  const numOf: number[] = [];
  const colsOf: number[][] = [];
  const classed = new Uint8Array(destinations.length);
  destinations.forEach((d, i) => {
    if (!CLASSED_KINDS.has(d.kind)) return;
    const x = vipIdx.get(d.ip);
    if (x === undefined) {
      const n = parseIpv4(d.ip);
      if (n === null) return;
      vipIdx.set(d.ip, vips.length);
      vips.push(d.ip);
      numOf.push(n);
      colsOf.push([i]);
    } else colsOf[x]!.push(i);
    classed[i] = 1;
  });
  if (vips.length < 2) return none;
  // Not classed: addresses named anywhere but by their own load balancers and services.
  // Of those, `carried` a packet may hold without being sent to it (an address of a node,
  // endpoint or pod, a rewrite target): rules naming the others are met only by packets to them.
  const blocked = new Set<string>();
  const carried = new Set<string>();
  // Texts already carried whole (the addresses actions write repeat from rule to rule).
  const carriedTexts = new Set<string>();
  /** An address an action writes into a packet. */
  const carryIp = (ip: string | null | undefined) => {
    if (ip) blockIpsIn(ip, undefined, true);
  };
  const blockIpsIn = (text: string, except?: readonly string[], carry = false) => {
    if (carry && !except) {
      if (carriedTexts.has(text)) return;
      carriedTexts.add(text);
    }
    for (const m of text.matchAll(IPV4))
      if (!except?.includes(m[0])) {
        blocked.add(m[0]);
        if (carry) carried.add(m[0]);
      }
  };
  for (const x of [
    ...Object.values(t.nodes),
    ...Object.values(t.networks),
    ...Object.values(t.externals),
    t.underlay,
    t.cluster,
  ])
    if (x) blockIpsIn(JSON.stringify(x), undefined, true);
  for (const e of Object.values(t.endpoints)) {
    blockIpsIn(JSON.stringify(e));
    blockIpsIn(`${e.ipAddress} ${e.gatewayAddress}`, undefined, true);
  }
  for (const p of Object.values(t.pods)) blockIpsIn(p.ip, undefined, true);

  // Each VIP's tokens: itself, its load balancers' and services' ids and names.
  const sourceValues = new Set<string>();
  for (const tok of tokens) for (const v of tok?.values ?? []) sourceValues.add(v);
  // A token is one VIP's only (one two VIPs claim blocks both).
  const tokenVip = new Map<string, number>();
  const vipTokens: string[][] = vips.map(() => []);
  const vipObjs: HostObject[][] = vips.map(() => []);
  // Most VIPs have one column, load balancer, object: an array of one each (a first push onto
  // `[]` makes room for 17, and these live as long as the scan).
  const addObj = (x: number, o: HostObject) => {
    if (vipObjs[x]!.length === 0) vipObjs[x] = [o];
    else vipObjs[x]!.push(o);
  };
  const claim = (tok: string, x: number) => {
    const prev = tokenVip.get(tok);
    if (sourceValues.has(tok) || (prev !== undefined && prev !== x)) {
      blocked.add(vips[x]!);
      if (prev !== undefined) blocked.add(vips[prev]!);
      return;
    }
    if (prev === undefined) {
      tokenVip.set(tok, x);
      vipTokens[x]!.push(tok);
    }
  };
  for (let x = 0; x < vips.length; x++) claim(vips[x]!, x);
  // Tables by VIP filled out of order are made whole first (an index far past the end would
  // make an array a dictionary, and its readers deoptimise).
  const lbsOf = unset<LoadBalancer[]>(vips.length);
  const seenProvenance = new Set<object>();
  // The candidate VIPs among `ips`: the first `nMine` of `mine` (never shrunk: an array whose
  // length is set to 0 drops its store, and the next push makes a new one).
  const mine: number[] = [];
  let nMine = 0;
  const candidates = (ips: readonly string[]) => {
    nMine = 0;
    for (const v of ips) {
      const x = vipIdx.get(v);
      if (x !== undefined) mine[nMine++] = x;
    }
  };
  for (const lb of Object.values(t.loadBalancers)) {
    candidates(lb.frontendVips);
    for (let i = 0; i < nMine; i++) {
      const l = lbsOf[mine[i]!];
      if (l === undefined) lbsOf[mine[i]!] = [lb];
      else l.push(lb);
    }
    if (lb.frontendVips.length > 1) for (let i = 0; i < nMine; i++) blocked.add(vips[mine[i]!]!);
    // Its other fields are ids, numbers and flags (and the provenance's texts, often one
    // object many load balancers share: read once).
    if (!seenProvenance.has(lb.provenance)) {
      seenProvenance.add(lb.provenance);
      blockIpsIn(JSON.stringify(lb.provenance));
    }
    if (lb.sourceVip) blockIpsIn(lb.sourceVip, undefined, true);
    for (let i = 0; i < nMine; i++) {
      const x = mine[i]!;
      claim(lb.id, x);
      addObj(x, {
        of: lb,
        field: 'backendEndpointIds',
        size: sizeClass(lb.backendEndpointIds.length),
      });
    }
  }
  for (const s of Object.values(t.services)) {
    const ips = [s.clusterIp, ...s.externalIps];
    candidates(ips);
    if (nMine > 1) for (let i = 0; i < nMine; i++) blocked.add(vips[mine[i]!]!);
    blockIpsIn(JSON.stringify(s), ips);
    for (let i = 0; i < nMine; i++) {
      const x = mine[i]!;
      claim(s.id, x);
      claim(s.name, x);
      addObj(x, { of: s, field: 'backendPodIds', size: sizeClass(s.backendPodIds.length) });
    }
  }
  const vipNum = new Map<number, number>();
  for (let x = 0; x < vips.length; x++) vipNum.set(numOf[x]!, x);

  // Every distinct rule list once: rewrites to a VIP block it; rules naming one are mentions.
  const infos = distinctGroups(t, c);
  const seenAction = new Set<object>();
  const carryText = (text: string) => blockIpsIn(text, undefined, true);
  const { mentions, picks, condAt } = readMentions(infos, {
    count: vips.length,
    vipNum,
    tokenVip,
    vipTokens,
    // Every address an action writes into a packet (an action object many rules share,
    // such as an lbnat's with its backends, once; `carryIp` is idempotent for the rest).
    action: (a) => {
      const shared = a.kind === 'lbnat' || a.kind === 'other';
      if (!shared || !seenAction.has(a)) {
        if (shared) seenAction.add(a);
        actionWrites(a, carryIp, carryText);
      }
    },
  });
  // Per VIP: no packet carries it unless sent to it.
  const live = vips.map((v) => !carried.has(v));
  // A side of a condition that holds only VIPs no packet carries unless sent to one.
  const vipSide = (side: readonly Cidr[] | null) => {
    if (side === null || side.length === 0) return false;
    for (const x of side) {
      const v = x.bits === 32 ? vipNum.get(x.base) : undefined;
      if (v === undefined || !live[v]) return false;
    }
    return true;
  };
  const vipOnly = (cc: Cond) => vipSide(cc.src) || vipSide(cc.dst);
  // Per rule list: how many rules before each position name no classed VIP (their order
  // relative to those rules is what a column's packets see).
  const ranks = unset<Int32Array>(infos.length);
  const rankOf = ({ info, k }: Mention): number => {
    let r = ranks[info.id];
    if (!r) {
      const { g } = info;
      r = new Int32Array(g.rules.length);
      const at = condAt[info.id] ?? [];
      let n = 0;
      let next = 0;
      for (let i = 0; i < g.rules.length; i++) {
        r[i] = n;
        if (at[next] === i) {
          next++;
          if (vipOnly(g.m.conds[i]!)) continue;
        }
        n++;
      }
      ranks[info.id] = r;
    }
    return r[k]!;
  };

  const portOwner = new Map<string, number>();
  const portsByIp = new Map<number, string[]>();
  tokens.forEach((tok, s) => {
    for (const p of tok?.portIds ?? []) portOwner.set(p, s);
  });
  for (const e of Object.values(t.endpoints)) {
    const ip = parseIpv4(e.ipAddress ?? '');
    if (ip === null || !e.portId || e.isRemote) continue;
    const l = portsByIp.get(ip);
    if (l) l.push(e.portId);
    else portsByIp.set(ip, [e.portId]);
  }
  const sourcesByIp = new Map<number, number[]>();
  tokens.forEach((tok, s) =>
    tok?.ips.forEach((ip) => {
      const l = sourcesByIp.get(ip);
      if (!l) sourcesByIp.set(ip, [s]);
      else if (!l.includes(s)) l.push(s);
    }),
  );

  const backends = new BackendLists(t, c, destinations, portsByIp);
  const { list } = backends;
  const scope: KeyScope = { tokens, portOwner, sourceValues, rankOf, ownMasks: new Map() };
  // Each VIP's key as a number; plain VIPs whose keys were written, to compare others with.
  const vipKey = new Int32Array(vips.length).fill(-1);
  const keyIds = new Map<string, number>();
  const written = new WrittenVips(
    scope,
    new FixedTexts((p) => sourceValues.has(p) || tokenVip.has(p)),
  );
  // Each VIP's atoms; whether it may share a key (its head: atoms and objects) in a class.
  const atomsOf = numOf.map((num) => {
    let atoms = '';
    for (let i = 0; i < wide.length; i++)
      if (((num ^ wide[i]!.base) & wide[i]!.mask) === 0) atoms += atoms === '' ? `${i}` : `,${i}`;
    return atoms;
  });
  const shared = new SharedHeads(
    destinations,
    colsOf,
    (x) => blocked.has(vips[x]!),
    (x) => keyHead(vipTokens[x]!, atomsOf[x]!, vipObjs[x]!, objectsOwner(scope, mentions[x] ?? [])),
  );
  // The ports of the current VIP's backends (one set for all: no key or facts keep it).
  const backendPorts = new Set<string>();
  for (let x = 0; x < vips.length; x++) {
    if (blocked.has(vips[x]!)) continue;
    const num = numOf[x]!;
    const toks = vipTokens[x]!;
    const ms = mentions[x] ?? [];
    const lbnats = picks[x] ?? [];
    // Each column's backend list: every lbnat rule for it must hold the same one (read for
    // every VIP: a backend met with two MACs keeps the VIPs read after it out).
    backendPorts.clear();
    if (!backends.read(num, colsOf[x]!, lbnats, lbsOf[x] ?? [], backendPorts)) continue;
    const atoms = atomsOf[x]!;
    // A VIP read alike with a plain one written before shares its key; else it is written, if
    // another column may share it (a match proves the heads equal: `SharedHeads` need not ask).
    let id = written.find(toks, atoms, vipObjs[x]!, ms, backendPorts);
    if (id < 0) {
      if (!shared.has(x)) continue;
      const f = vipFacts(scope, toks, atoms, vipObjs[x]!, ms, backendPorts);
      const key = textKey(scope, f);
      if (key === null) continue;
      id = keyIds.get(key) ?? keyIds.size;
      if (id === keyIds.size) keyIds.set(key, id);
      written.add(f, id);
    }
    vipKey[x] = id;
  }

  const ids = new Map<string, number[]>();
  destinations.forEach((d, i) => {
    const vk = classed[i] ? vipKey[vipIdx.get(d.ip)!]! : -1;
    if (vk < 0) return;
    const k = `${d.kind}|${d.port}|${d.proto}|${vk}`;
    const l = ids.get(k);
    if (l) l.push(i);
    else ids.set(k, [i]);
  });
  const classOf = destinations.map(() => -1);
  const vip = destinations.map(() => -1);
  const classTokens: string[][] = [];
  // Per VIP: 1 + the class its tokens were last added to.
  const tokensIn = new Int32Array(vips.length);
  for (const members of ids.values()) {
    if (members.length < 2) continue;
    const q = classTokens.length;
    // Each VIP's tokens once (no two VIPs share a token: `claim`).
    const toks: string[] = [];
    for (const d of members) {
      classOf[d] = q;
      const x = vipIdx.get(destinations[d]!.ip)!;
      vip[d] = numOf[x]!;
      if (tokensIn[x] !== q + 1) {
        tokensIn[x] = q + 1;
        for (const tok of vipTokens[x]!) toks.push(tok);
      }
    }
    classTokens.push(toks);
  }
  const backendSources = destinations.map((_, d) => {
    if (classOf[d]! < 0) return [];
    const out = new Set<number>();
    for (const key of list[d] ?? [])
      for (const s of sourcesByIp.get(Math.floor(key / 65536)) ?? []) out.add(s);
    return [...out];
  });
  const selfClean = tokens.map(
    (tok, i) => tok !== null && !inert[i] && (skipped[i] ?? []).every(vipOnly),
  );
  return {
    selfClean,
    tokens: destinations.map((d, i) => (classOf[i]! >= 0 ? vipTokens[vipIdx.get(d.ip)!]! : null)),
    classOf,
    vip,
    list: list.map((l, d) => (classOf[d]! >= 0 ? l : null)),
    backendSources,
    classTokens,
    count: classTokens.length,
  };
}
