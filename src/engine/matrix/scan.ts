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
import { condInto, Hits, NONE, ObjInfo } from './hits';
import { GroupIds, prefixPrint, rulePrint, seqPrint } from './prints';
import { covers, groupPools, irrelevant, MATRIX_SOURCE_PORT, type Pools } from './pools';
export { MATRIX_SOURCE_PORT } from './pools';
import { pushAll } from '../../shared/arrays';

/** A rule's parsed address conditions. */
export interface Cond {
  readonly src: readonly Cidr[] | null;
  readonly dst: readonly Cidr[] | null;
}

/** Everything about the topology the class keys need, computed in one pass over all ports. */
export class Scanner {
  readonly hits: Hits;
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

  name(n: string): ObjInfo {
    let i = this.names.get(n);
    if (!i) {
      i = new ObjInfo(this.nextId++, n, this.hits);
      this.names.set(n, i);
    }
    return i;
  }

  private addWideOf(cs: readonly Cidr[] | null): void {
    if (cs)
      for (const x of cs) if (x.bits > 0 && x.bits < 32) this.wide.set(`${x.base}/${x.bits}`, x);
  }

  addWide(text: string): void {
    const c = parseCidr(text);
    if (c && c.bits > 0 && c.bits < 32) this.wide.set(`${c.base}/${c.bits}`, c);
  }

  /** Mentions of sources in a non-VFP object (backend lists removed by the caller). */
  scanObject(where: string, o: unknown, owner: number): void {
    const text = JSON.stringify(o) ?? '';
    this.wideIn(text);
    // Not memoised: an object's text is its own (5,000 load balancers, 5,000 texts).
    for (const s of this.hits.scan(text))
      if (s !== owner) this.mentions[s]!.push(`${where}|${this.norm(text, s)}`);
  }

  /** The wide prefixes written in a text (none without a slash). */
  private readonly wideIn = (text: string) => {
    if (text.includes('/'))
      for (const m of text.matchAll(/\d+\.\d+\.\d+\.\d+\/\d+/g)) this.addWide(m[0]);
  };

  /**
   * Per distinct rule list (found by its shared matcher, then checked by identity of names
   * and actions): its pools, hits and encoded rules, so 300 ports × 5,000 LB_DSR rules are
   * encoded once.
   */
  private readonly memos = new Map<Matcher, GroupMemo[]>();

  private memoOf(g: CGroup): GroupMemo {
    let list = this.memos.get(g.m);
    if (!list) this.memos.set(g.m, (list = []));
    const found = list.find((x) => sameRules(x.rules, g.rules));
    if (found) return found;
    const hit = new Set<number>();
    const n = g.rules.length;
    const hits: (readonly number[])[] = new Array<readonly number[]>(n);
    const prints = new Int32Array(n);
    const cand = { in: [] as number[], out: [] as number[] };
    // One pass, everything a rule gives read while it is at hand.
    for (let k = 0; k < n; k++) {
      const r = g.rules[k]!;
      const cc = g.m.conds[k]!;
      this.addWideOf(cc.src);
      this.addWideOf(cc.dst);
      const h = this.ruleHits(r);
      for (const s of h) hit.add(s);
      hits[k] = h;
      prints[k] = rulePrint(r, this.prefixPrint);
      // Rules whose port condition misses the matrix's own source port, per direction.
      const { srcPorts, dstPorts } = r.conditions;
      if (srcPorts && !covers(srcPorts, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) cand.out.push(k);
      if (dstPorts && !covers(dstPorts, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) cand.in.push(k);
    }
    const memo: GroupMemo = {
      rules: g.rules,
      conds: g.m.conds,
      hits,
      prints,
      encs: null,
      hit,
      pools: null,
      encoded: new Map(),
      cand,
    };
    list.push(memo);
    return memo;
  }

  /** Ids of texts with one source's tokens as placeholders, by `id * 2^22 + source`. */
  private readonly owned = new Map<number, number>();

  /** The id of `info`'s text with source `s`'s tokens as placeholders. */
  private ownId(info: ObjInfo, s: number): number {
    if (!info.hits.includes(s)) return info.id;
    const k = info.id * 4194304 + s;
    let id = this.owned.get(k);
    if (id === undefined) this.owned.set(k, (id = this.name(this.norm(info.text, s)).id));
    return id;
  }

  /**
   * Rule `e` for its owner `s`, pushed onto `sig`: its numbers with `s`'s tokens as
   * placeholders in each text it holds (name, prefixes, action), so rules equal up to their
   * owners push equal numbers. Self-delimiting: a marker, five numbers, the conditions (each
   * list led by its length) or the id of their text, the action.
   */
  private ownRule(sig: number[], e: NamingRule, s: number): void {
    const r = e.r;
    sig.push(-3, this.ownId(e.name, s), r.priority, this.name(r.type).id, e.ids[2]!);
    if (!condInto(sig, r.conditions, (x) => this.ownId(this.name(x), s)))
      sig.push(-5, this.name(this.norm(JSON.stringify(r.conditions), s)).id);
    sig.push(r.action.kind === 'lbnat' ? e.act.id : this.ownId(e.act, s));
  }

  /** Rule `e` as text with source `s`'s tokens as placeholders (a mention of `s`). */
  private mentionText(e: NamingRule, s: number): string {
    const r = e.r;
    const text = `${r.name}|${r.priority}|${r.type}|${e.ids[2]!}|${JSON.stringify(r.conditions)}|${r.action.kind === 'lbnat' ? `#${e.act.id}` : e.act.text}`;
    return this.norm(text, s);
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
          // A group's encoding is one number: equal encodings, equal ids (see `GroupIds`).
          const as = reuse ? -1 : owner;
          const seg = this.groups.idOf(seqPrint(memo.prints, NONE), memo, '', as, () =>
            this.written(memo, owner, NONE),
          );
          // Nothing left out: the relevant rules are the whole list.
          const rel =
            skip.length === 0
              ? seg
              : this.groups.idOf(seqPrint(memo.prints, skip), memo, key, as, () =>
                  this.written(memo, owner, skip),
                );
          enc = { seg, rel, ments: this.mentionsIn(memo, owner) };
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

  private readonly prefixId = (x: string) => this.name(x).id;

  /**
   * A rule as numbers: name, priority, flags, its conditions' id (interned as numbers: each
   * list led by its length, prefixes by their text's id; by their text for an unknown shape),
   * its action's; and the sources it names. Kept per list and per rule object.
   */
  private ruleEnc(
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
  ): RuleEnc {
    // Per rule object too: a dump's ports hold lists of their own that share rule objects.
    let e = this.rules.get(r);
    if (!e) this.rules.set(r, (e = this.encodeRule(r, cc)));
    return e;
  }

  /** Per rule object: its encoding (see `ruleEnc`). */
  private readonly rules = new Map<RuleBody, RuleEnc>();

  private encodeRule(
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
  ): RuleEnc {
    const c = r.conditions;
    this.addWideOf(cc.src);
    this.addWideOf(cc.dst);
    const name = this.name(r.name);
    const flags = (r.terminating ? 1 : 0) | (r.stateful ? 2 : 0);
    // Five numbers per rule: a port's own long lists (a dump's) are walked for every port.
    const tuple: number[] = [];
    const cond = condInto(tuple, c, this.prefixId)
      ? this.encodingId(tuple)
      : this.name(JSON.stringify(c)).id;
    const act = this.name(JSON.stringify(r.action));
    const ids = [name.id, r.priority, flags, cond, act.id];
    // An lbnat action's backends are a backend list: they are never a mention (see above).
    const actHits = r.action.kind === 'lbnat' ? NONE : act.hits;
    const condHits = this.hits.ofConditions(c) ?? this.hits.of(JSON.stringify(c));
    if (name.hits.length + condHits.length + actHits.length === 0) return { ids, hits: NONE };
    const hits = [...name.hits];
    for (const x of condHits) if (!hits.includes(x)) hits.push(x);
    for (const x of actHits) if (!hits.includes(x)) hits.push(x);
    return { ids, hits, r, cc, name, act, actHits } satisfies NamingRule;
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
    const rest =
      this.hits.ofConditions(r.conditions, inSrc, inDst) ??
      this.hits.of(
        JSON.stringify({
          ...r.conditions,
          srcPrefixes: inSrc ? null : r.conditions.srcPrefixes,
          dstPrefixes: inDst ? null : r.conditions.dstPrefixes,
        }),
      );
    return !rest.includes(s);
  }

  /** Rule `k` of a list, encoded (see `ruleEnc`) when first needed. */
  private encOf(memo: GroupMemo, k: number): RuleEnc {
    memo.encs ??= new Array<RuleEnc | undefined>(memo.rules.length);
    return (memo.encs[k] ??= this.ruleEnc(memo.rules[k]!, memo.conds[k]!));
  }

  /** A list's rules but those at `skip`, encoded for `owner` (its own tokens as placeholders). */
  private written(memo: GroupMemo, owner: number, skip: readonly number[]): number[] {
    const out: number[] = [];
    let next = 0;
    for (let k = 0; k < memo.rules.length; k++) {
      if (skip[next] === k) next++;
      else this.rule(out, this.encOf(memo, k), owner);
    }
    return out;
  }

  /** Rule `e` encoded for `owner` into `sig` (its own mention written with placeholders). */
  private rule(sig: number[], e: RuleEnc, owner: number): void {
    if ('r' in e && owner >= 0 && e.hits.includes(owner)) this.ownRule(sig, e, owner);
    else for (const x of e.ids) sig.push(x);
  }

  /**
   * Every source a list's rules name but `owner` gets their normalised text (the encoding is
   * shared with ports of other owners, so filtered at use): the owner's own mention is never
   * used, as an encoding shared between owners names neither.
   */
  private mentionsIn(memo: GroupMemo, owner: number): [number, string, boolean][] {
    const ments: [number, string, boolean][] = [];
    if (memo.hit.size === 0 || (memo.hit.size === 1 && memo.hit.has(owner))) return ments;
    for (let k = 0; k < memo.rules.length; k++) {
      const h = memo.hits[k]!;
      if (h.length === 0 || (h.length === 1 && h[0] === owner)) continue;
      const e = this.encOf(memo, k) as NamingRule;
      for (const s of e.hits)
        if (s !== owner)
          ments.push([
            s,
            this.mentionText(e, s),
            !e.name.hits.includes(s) && !e.actHits.includes(s) && this.inertFor(s, e.r, e.cc),
          ]);
    }
    return ments;
  }

  /** The sources a rule names (outside backend lists): its name, conditions and action. */
  private ruleHits(r: RuleBody): readonly number[] {
    let h = this.hitsOfRule.get(r);
    if (h) return h;
    const name = this.hits.scan(r.name);
    const cond = this.hits.ofConditions(r.conditions) ?? this.hits.of(JSON.stringify(r.conditions));
    // An lbnat action's backends are a backend list: they are never a mention.
    const act = r.action.kind === 'lbnat' ? NONE : this.actionHits(r.action);
    if (name.length + cond.length + act.length === 0) h = NONE;
    else if (name.length + act.length === 0 && cond.length === 1) h = this.alone[cond[0]!] ??= cond;
    else if (name.length + cond.length === 0 && act.length === 1) h = this.alone[act[0]!] ??= act;
    else {
      const all = [...name];
      for (const x of cond) if (!all.includes(x)) all.push(x);
      for (const x of act) if (!all.includes(x)) all.push(x);
      // One array per source named alone (a pod's own rules), not one per rule.
      h = all.length === 1 ? (this.alone[all[0]!] ??= all) : all;
    }
    this.hitsOfRule.set(r, h);
    return h;
  }

  /** Hits of an action's JSON; a bare allow or block (most rules) by its one text. */
  private actionHits(a: RuleBody['action']): readonly number[] {
    if (a.kind === 'allow' || a.kind === 'block') {
      let bare = true;
      for (const k in a) if (k !== 'kind') bare = false;
      if (bare) return this.hits.of(a.kind === 'allow' ? '{"kind":"allow"}' : '{"kind":"block"}');
    }
    return this.hits.scan(JSON.stringify(a));
  }

  private readonly alone: (readonly number[])[] = [];
  private readonly hitsOfRule = new Map<RuleBody, readonly number[]>();
  private readonly groups = new GroupIds<GroupMemo>(() => this.nextId++);
  /** Per prefix text: its part of a rule's fingerprint. */
  private readonly prefixPrints = new Map<string, number>();
  private readonly prefixPrint = (p: string) => {
    let v = this.prefixPrints.get(p);
    if (v === undefined) this.prefixPrints.set(p, (v = prefixPrint(p, this.hits.of(p).length > 0)));
    return v;
  };

  /**
   * Interned encodings, flat (no array or object kept per encoding: tens of thousands of them
   * would all survive to the end of the scan): per entry the offset of the next entry with the
   * same hash (-1: none), its id, its length, its numbers.
   */
  private readonly store: number[] = [];
  /** Per hash: the offset of its first entry in `store`. */
  private readonly heads = new Map<number, number>();

  /** Intern an encoding (equal arrays, equal ids), by hash then exact comparison. */
  encodingId(arr: readonly number[]): number {
    let h = 0x811c9dc5 ^ arr.length;
    for (let i = 0; i < arr.length; i++) h = Math.imul(h ^ arr[i]!, 0x01000193);
    // A small integer key: a Map lookup without a string to build and hash.
    const k = h & 0x3fffffff;
    const store = this.store;
    let at = this.heads.get(k) ?? -1;
    let last = -1;
    while (at >= 0) {
      if (store[at + 2] === arr.length) {
        let i = 0;
        while (i < arr.length && store[at + 3 + i] === arr[i]) i++;
        if (i === arr.length) return store[at + 1]!;
      }
      last = at;
      at = store[at]!;
    }
    const id = this.nextId++;
    const off = store.length;
    store.push(-1, id, arr.length);
    for (let i = 0; i < arr.length; i++) store.push(arr[i]!);
    if (last >= 0) store[last] = off;
    else this.heads.set(k, off);
    return id;
  }
}

/** A rule's encoding: name, priority, flags, condition and action ids. */
type RuleEnc = { readonly ids: readonly number[]; readonly hits: readonly number[] } | NamingRule;

/** A rule that names sources (outside backend lists), with what writes it up to one of them. */
interface NamingRule {
  readonly ids: readonly number[];
  readonly hits: readonly number[];
  readonly r: RuleBody;
  readonly cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null };
  readonly name: ObjInfo;
  readonly act: ObjInfo;
  readonly actHits: readonly number[];
}

interface GroupMemo {
  /** The rewrites its rules can make, by port range (computed when first needed). */
  pools: Pools | null;
  readonly rules: readonly RuleBody[];
  readonly conds: readonly Cond[];
  /** Per rule: the sources it names (outside backend lists). */
  readonly hits: readonly (readonly number[])[];
  /** Per rule: its fingerprint (see `rulePrint`). */
  readonly prints: Int32Array;
  /** Its rules encoded (see `Scanner.ruleEnc`), each when first needed. */
  encs: (RuleEnc | undefined)[] | null;
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
