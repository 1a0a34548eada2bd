/**
 * The one pass over a topology that source classes need: every port's program encoded as
 * numbers (equal up to the owner's own tokens), mentions of sources outside their own objects,
 * and the wide prefixes. Rule lists shared by many ports are encoded once.
 */
import type { Cidr } from '../../shared/ip';
import { parseCidr } from '../../shared/ip';
import type { PortRange } from '../../model/types';
import type { CGroup, CPort, Matcher, RuleBody } from '../compile-vfp';
import { substitute, tokenRegex, type OwnTokens } from './tokens';
import {
  candidates,
  covers,
  groupPools,
  irrelevant,
  MATRIX_SOURCE_PORT,
  type Pools,
} from './pools';
export { MATRIX_SOURCE_PORT } from './pools';
import { pushAll } from '../../shared/arrays';

/** A rule's parsed address conditions. */
export interface Cond {
  readonly src: readonly Cidr[] | null;
  readonly dst: readonly Cidr[] | null;
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
export class Scanner {
  readonly hits: Hits;
  private readonly objs = new WeakMap<object, ObjInfo>();
  private nextId = 1;
  private readonly names = new Map<string, ObjInfo>();
  /** Wide prefixes (not /32, not /0) of every rule and host object, by `base/bits`. */
  readonly wide = new Map<string, Cidr>();
  /** Per source: mentions outside its own objects, as normalised text. */
  readonly mentions: string[][];
  /**
   * Per source: mentions its own connections cannot meet (see `inertFor`), kept apart: they
   * matter only where the source is a load balancer's backend, which its whole program decides.
   */
  readonly inert: string[][];
  /** Per source: the conditions of the rules left out of its own ports' programs. */
  readonly skipped: Cond[][];
  readonly regex: (RegExp | null)[];

  constructor(
    readonly tokens: readonly (OwnTokens | null)[],
    private readonly portOwner: Map<string, number>,
  ) {
    this.hits = new Hits(tokens);
    this.mentions = tokens.map(() => []);
    this.inert = tokens.map(() => []);
    this.skipped = tokens.map(() => []);
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
    const hit = new Set<number>();
    g.rules.forEach((r, k) => {
      for (const s of this.ruleEnc(r, g.m.conds[k]!).hits) hit.add(s);
    });
    const memo: GroupMemo = {
      rules: g.rules,
      hit,
      pools: null,
      encoded: new Map(),
      cand: { in: candidates(g, 'in'), out: candidates(g, 'out') },
    };
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
    // The groups' rewrites, needed only to check rules that may be irrelevant.
    const pools = relevant
      ? memos.flat().map((m, i) => () => (m.pools ??= groupPools(flat[i]!)))
      : [];
    const flat = groups.flat();
    cp.layers.forEach((cl, li) => {
      const l = cl.layer;
      const head = [
        -1,
        str(l.name),
        l.priority,
        l.stateful ? 1 : 0,
        l.defaultAction === 'block' ? 1 : 0,
      ];
      pushAll(sig, head);
      if (relevant) pushAll(relevant, head);
      groups[li]!.forEach((g, gi) => {
        const gr = g.group;
        const gh = [
          -2,
          str(gr.name),
          gr.direction === 'in' ? 1 : 0,
          gr.priority,
          gr.matchType === 'lpm' ? 1 : 0,
        ];
        pushAll(sig, gh);
        if (relevant) pushAll(relevant, gh);
        const memo = memos[li]![gi]!;
        const reuse = !memo.hit.has(owner);
        // Which rules the owner's connections cannot meet: only rules with port conditions
        // that miss its own port can be (`candidates`); equal sets share the encoding.
        const skip: number[] = [];
        if (relevant)
          for (const k of memo.cand[gr.direction])
            if (irrelevant(g.m.conds[k]!, g.rules[k]!, gr.direction, pools)) {
              skip.push(k);
              this.skipped[owner]!.push(g.m.conds[k]!);
            }
        const key = skip.join(',');
        let enc = reuse ? memo.encoded.get(key) : undefined;
        if (!enc) {
          const seg: number[] = [];
          const rel: number[] = [];
          const ments: [number, string, boolean][] = [];
          let next = 0;
          for (let k = 0; k < g.rules.length; k++) {
            const r = g.rules[k]!;
            const at = seg.length;
            this.rule(seg, ments, r, g.m.conds[k]!, owner);
            if (skip[next] === k) next++;
            else if (relevant) for (let i = at; i < seg.length; i++) rel.push(seg[i]!);
          }
          // A group's encoding is one number: equal encodings, equal ids.
          enc = {
            seg: this.encodingId(seg),
            rel: this.encodingId(rel),
            ments,
          };
          if (reuse) memo.encoded.set(key, enc);
        }
        sig.push(enc.seg);
        relevant?.push(enc.rel);
        for (const [s, text, inert] of enc.ments)
          if (s !== owner) (inert ? this.inert : this.mentions)[s]!.push(`${cp.port.id}|${text}`);
      });
    });
    return sig;
  }

  /** Per rule object: its encoding when it names none of the sources, and the ones it names. */
  private readonly rules = new WeakMap<RuleBody, RuleEnc>();

  private ruleEnc(
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
  ): RuleEnc {
    let e = this.rules.get(r);
    if (e) return e;
    const name = this.name(r.name);
    const cond = this.condInfo(r, cc);
    const act = this.actInfo(r);
    // An lbnat action's backends are a backend list: they are never a mention (see above).
    const actHits = r.action.kind === 'lbnat' ? NONE : act.hits;
    const flags = (r.terminating ? 1 : 0) | (r.stateful ? 2 : 0);
    const ids = [name.id, r.priority, flags, cond.id, act.id];
    if (name.hits.length + cond.hits.length + actHits.length === 0) e = { ids, hits: NONE };
    else {
      const text = `${r.name}|${r.priority}|${r.type}|${flags}|${cond.text}|${r.action.kind === 'lbnat' ? `#${act.id}` : act.text}`;
      const hits = [...new Set([...name.hits, ...cond.hits, ...actHits])];
      const inert = hits.map(
        (s) => !name.hits.includes(s) && !actHits.includes(s) && this.inertFor(s, r, cc),
      );
      e = { ids, hits, text, norm: hits.map((s) => this.norm(text, s)), inert };
    }
    this.rules.set(r, e);
    return e;
  }

  /**
   * Can a packet of source `s`'s own connections never match rule `r` (on another port) by
   * its naming of `s`? True when `s` is named only as an address of one side whose port
   * condition misses the matrix's source port: `s`'s connections carry its address with that
   * port (out as source, back as destination); its address with another port is `s` serving
   * as a backend or destination (such as the HairPin rules of the management vNIC, which
   * name a load balancer's backends with its target port). The matrix traces a member that
   * is the destination itself, and takes a backend pick of itself only from a member with
   * the same whole program, inert mentions included.
   */
  private inertFor(
    s: number,
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
  ): boolean {
    const tok = this.tokens[s];
    if (!tok) return false;
    const names = (cs: readonly Cidr[] | null) =>
      (cs ?? []).some((c) => c.bits === 32 && tok.ips.includes(c.base));
    const missesOwnPort = (ports: readonly PortRange[] | null) =>
      ports !== null && !covers(ports, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT);
    const inSrc = names(cc.src);
    const inDst = names(cc.dst);
    if (!inSrc && !inDst) return false;
    if (inSrc && !missesOwnPort(r.conditions.srcPorts)) return false;
    if (inDst && !missesOwnPort(r.conditions.dstPorts)) return false;
    // Named nowhere else in the conditions (their text holds only addresses and numbers).
    const rest = JSON.stringify({
      ...r.conditions,
      srcPrefixes: inSrc ? null : r.conditions.srcPrefixes,
      dstPrefixes: inDst ? null : r.conditions.dstPrefixes,
    });
    return !this.hits.of(rest).includes(s);
  }

  /**
   * Rule `r` encoded for `owner` into `sig` (its own mention written with placeholders);
   * every source it names gets the normalised text in `ments` (the encoding is shared with
   * ports of other owners, so filtered at use).
   */
  private rule(
    sig: number[],
    ments: [number, string, boolean][],
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
    owner: number,
  ): void {
    const e = this.ruleEnc(r, cc);
    if (e.hits.length === 0) {
      for (const x of e.ids) sig.push(x);
      return;
    }
    const mine = owner >= 0 ? e.hits.indexOf(owner) : -1;
    if (mine >= 0) sig.push(-3, this.name(e.norm![mine]!).id);
    else for (const x of e.ids) sig.push(x);
    e.hits.forEach((s, i) => ments.push([s, e.norm![i]!, e.inert![i]!]));
  }

  /** Intern a group's encoding (equal arrays, equal ids), by hash then exact comparison. */
  private readonly encodings = new Map<string, { arr: number[]; id: number }[]>();

  encodingId(arr: number[]): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (const v of arr) {
      h1 = Math.imul(h1 ^ v, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (v + 0x9e3779b9), 0x85ebca6b) >>> 0;
    }
    const k = `${h1}:${h2}:${arr.length}`;
    let list = this.encodings.get(k);
    if (!list) this.encodings.set(k, (list = []));
    for (const x of list) if (sameNumbers(x.arr, arr)) return x.id;
    const id = this.nextId++;
    list.push({ arr, id });
    return id;
  }
}

interface RuleEnc {
  /** Name, priority, flags, condition and action ids. */
  readonly ids: readonly number[];
  /** Sources the rule names (outside backend lists). */
  readonly hits: readonly number[];
  readonly text?: string;
  /** Per hit: the rule's text with that source's tokens as placeholders. */
  readonly norm?: readonly string[];
  /** Per hit: the mention is inert for it (see `Scanner.inertFor`). */
  readonly inert?: readonly boolean[];
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface GroupMemo {
  /** The rewrites its rules can make, by port range (computed when first needed). */
  pools: Pools | null;
  readonly rules: readonly RuleBody[];
  /** Sources any rule of the list names (outside backend lists). */
  readonly hit: Set<number>;
  /** Per direction: rules whose port conditions miss the matrix's own source port. */
  readonly cand: { readonly in: readonly number[]; readonly out: readonly number[] };
  /** Encoded rules per set of irrelevant rules, for owners the list does not name. */
  readonly encoded: Map<string, { seg: number; rel: number; ments: [number, string, boolean][] }>;
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
