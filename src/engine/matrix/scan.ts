/**
 * The one pass over a topology that source classes need: every port's program as numbers
 * (equal up to the owner's own tokens), mentions of sources outside their own objects, and the
 * wide prefixes. Each distinct rule list is read once, rule by rule (the sources it names, its
 * wide prefixes, its fingerprint, its port candidates); a group's encoding is an id found by
 * fingerprint (`prints.ts`), its full encoding (`rule-encoder.ts`) written only where another
 * list or owner has the same fingerprint. So a pod's own `NAT_…` rules, which no other pod's
 * program shares, are never interned or written up to their owner.
 */
import type { Cidr } from '../../shared/ip';
import { parseCidr } from '../../shared/ip';
import type { CGroup, CPort, Matcher, RuleBody } from '../compile-vfp';
import type { OwnTokens } from './tokens';
import { NONE } from './hits';
import { RuleEncoder, type Cond, type NamingRule, type RuleEnc } from './rule-encoder';
export type { Cond } from './rule-encoder';
import { GroupIds, knownConditions, rulePrint, seqPrint } from './prints';
import { covers, groupPools, irrelevant, MATRIX_SOURCE_PORT, type Pools } from './pools';
export { MATRIX_SOURCE_PORT } from './pools';

/** One rule object in this many of a list read on its own is kept by identity (see `memoOf`). */
const SAMPLE = 8;
import { pushAll } from '../../shared/arrays';
import { jsonHits, type JsonMemo } from './json-hits';
import { WrittenLists } from './scan-written';

/** Everything about the topology the class keys need, computed in one pass over all ports. */
export class Scanner extends RuleEncoder {
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

  constructor(tokens: readonly (OwnTokens | null)[]) {
    super(tokens);
    this.mentions = tokens.map(() => []);
    this.inert = tokens.map(() => []);
    this.skipped = tokens.map(() => []);
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
    // Not memoised: an object's text is its own (5,000 load balancers, 5,000 texts); only the
    // part that differs from the last text that named no one is read.
    const found = this.hits.scan(text, this.quiet);
    this.quiet = found.length === 0 ? text : null;
    for (const s of found)
      if (s !== owner) this.mentions[s]!.push(`${where.length}:${where}|${this.norm(text, s)}`);
  }

  /**
   * `scanObject` of many objects of one kind (the load balancers), read from their keys and
   * values (`jsonHits`); a text is written only where it names a source or JSON would not be
   * read so.
   */
  scanObjectRead(where: string, o: object, owner: number): void {
    const read = jsonHits(this.hits, o, this.nested);
    if (!read) return this.scanObject(where, o, owner);
    for (const s of read.slashed) this.wideIn(s);
    this.quiet = null;
    if (read.hits.length === 0) return;
    const text = JSON.stringify(o);
    for (const s of read.hits)
      if (s !== owner) this.mentions[s]!.push(`${where.length}:${where}|${this.norm(text, s)}`);
  }

  /** Objects the load balancers share (a provenance), read once (see `jsonHits`). */
  private readonly nested: JsonMemo = new Map();

  /** The last object text that named no source (see `scanObject`). */
  private quiet: string | null = null;

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
    const n = g.rules.length;
    const memo: GroupMemo = {
      rules: g.rules,
      conds: g.m.conds,
      at: new Int32Array(n),
      hit: new Set<number>(),
      pools: null,
      encoded: new Map(),
      cand: { in: [], out: [] },
      known: false,
    };
    const { at, hit } = memo;
    const cand = memo.cand as { in: number[]; out: number[] };
    let shares = false;
    // One pass, everything a rule gives read while it is at hand.
    for (let k = 0; k < n; k++) {
      const r = g.rules[k]!;
      let i = this.ruleAt.get(r);
      if (i === undefined) i = this.readRule(r, g.m.conds[k]!, memo);
      else {
        // Lists that share rule objects (a dump's): both known rule by rule.
        shares = true;
        this.know(this.readIn[i]!);
      }
      const h = this.ruleHits[i]!;
      for (let x = 0; x < h.length; x++) hit.add(h[x]!);
      at[k] = i;
      // Rules whose port condition misses the matrix's own source port, per direction.
      const { srcPorts, dstPorts } = r.conditions;
      if (srcPorts && !covers(srcPorts, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) cand.out.push(k);
      if (dstPorts && !covers(dstPorts, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) cand.in.push(k);
    }
    // Known by every rule when it shares one, else by a sample: a later list sharing a run of
    // its rules meets a sampled one within `SAMPLE` rules and makes it known rule by rule.
    if (shares) this.know(memo);
    else if (n > 0) {
      for (let k = 0; k < n; k += SAMPLE) this.ruleAt.set(g.rules[k]!, at[k]!);
      this.ruleAt.set(g.rules[n - 1]!, at[n - 1]!);
    }
    list.push(memo);
    return memo;
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
    const str = (text: string) => (owner >= 0 ? this.normName(text, owner).id : this.name(text).id);
    const groups = cp.layers.map((cl) => [...cl.outGroups, ...cl.inGroups]);
    const memos = groups.map((gs) => gs.map((g) => this.memoOf(g)));
    // The groups' rewrites, needed only to check rules that may be irrelevant.
    let pools: Pools[] | null = null;
    const poolsOf = () =>
      (pools ??= memos.flatMap((ms, li) =>
        ms.map((m, gi) => (m.pools ??= groupPools(groups[li]![gi]!))),
      ));
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
            if (irrelevant(g.m.conds[k]!, g.rules[k]!, gr.direction, poolsOf())) {
              skip.push(k);
              this.skipped[owner]!.push(g.m.conds[k]!);
            }
        const key = skip.join(',');
        let enc = reuse ? memo.encoded.get(key) : undefined;
        if (!enc) {
          // A group's encoding is one number: equal encodings, equal ids (see `GroupIds`).
          const as = reuse ? -1 : owner;
          const seg = this.groups.idOf(
            seqPrint(memo.at, this.rulePrints, NONE),
            memo,
            '',
            as,
            () => this.lists.written(memo, owner, NONE),
            (m, k, o) => this.lists.same(memo, NONE, as, m, this.lists.skipOf(k), o),
          );
          // Nothing left out: the relevant rules are the whole list.
          const rel =
            skip.length === 0
              ? seg
              : this.groups.idOf(
                  seqPrint(memo.at, this.rulePrints, skip),
                  memo,
                  key,
                  as,
                  () => this.lists.written(memo, owner, skip),
                  (m, k, o) => this.lists.same(memo, skip, as, m, this.lists.skipOf(k), o),
                );
          enc = { seg, rel, ments: this.mentionsIn(memo, owner) };
          if (reuse) memo.encoded.set(key, enc);
        }
        sig.push(enc.seg);
        relevant?.push(enc.rel);
        for (const [s, text, inert] of enc.ments)
          if (s !== owner)
            (inert ? this.inert : this.mentions)[s]!.push(
              `${cp.port.id.length}:${cp.port.id}|${text}`,
            );
      });
    });
    return sig;
  }

  /** Rule `k` of a list, encoded (see `ruleEnc`) when first needed. */
  private encOf(memo: GroupMemo, k: number): RuleEnc {
    return this.ruleEnc(memo.rules[k]!, memo.conds[k]!);
  }

  /** Lists written in full for an owner, and compared without writing them. */
  private readonly lists = new WrittenLists<GroupMemo>({
    encOf: (memo, k) => this.encOf(memo, k),
    rule: (sig, e, owner) => this.rule(sig, e, owner),
  });

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
      const h = this.ruleHits[memo.at[k]!]!;
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
  /**
   * A rule object read once (a dump's ports hold lists of their own that share rule objects):
   * its wide prefixes, the sources it names (outside backend lists) and its fingerprint.
   */
  private readRule(r: RuleBody, cc: Cond, memo: GroupMemo): number {
    this.addWideOf(cc.src);
    this.addWideOf(cc.dst);
    const at = this.rulePrints.length;
    this.readIn.push(memo);
    // Whether the conditions hold just the known keys, checked once for both; each prefix
    // looked up once for its print and its hits.
    const known = knownConditions(r.conditions);
    this.hits.startRule();
    this.rulePrints.push(rulePrint(r, this.hits.rulePrefix, known));
    this.ruleHits.push(this.hitsOf(r, known));
    return at;
  }

  /**
   * Rule objects read, by identity: every rule of a list that shares rule objects with another
   * (a dump's), a sample of the others' (`memoOf`; a map entry per rule object was ~15 % of the
   * scan on the synthetic node, whose 26,500 per-port rule objects are each in one list). Read
   * twice, a rule reads the same: the map saves work, it decides nothing.
   */
  private readonly ruleAt = new Map<RuleBody, number>();
  /** Per rule read: the list it was first read in. */
  private readonly readIn: GroupMemo[] = [];

  /** Make every rule of `memo` known by identity (once). */
  private know(memo: GroupMemo): void {
    if (memo.known) return;
    memo.known = true;
    for (let k = 0; k < memo.rules.length; k++) this.ruleAt.set(memo.rules[k]!, memo.at[k]!);
  }
  private readonly ruleHits: (readonly number[])[] = [];
  private readonly rulePrints: number[] = [];

  private hitsOf(r: RuleBody, known: boolean): readonly number[] {
    let h: readonly number[];
    const name = this.hits.scan(r.name);
    // Its prefixes' hits were gathered with its fingerprint (see `readRule`).
    const cond = known
      ? this.hits.ruleConditionHits(r.conditions)
      : this.hits.of(JSON.stringify(r.conditions));
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
    return h;
  }

  /** Hits of an action's JSON; a bare allow or block (most rules) by its one text. */
  private actionHits(a: RuleBody['action']): readonly number[] {
    if (a.kind === 'allow' || a.kind === 'block') {
      let bare = true;
      for (const k in a) if (k !== 'kind') bare = false;
      if (bare) return this.hits.of(a.kind === 'allow' ? '{"kind":"allow"}' : '{"kind":"block"}');
    }
    // A static NAT's text is fixed by its side, address and port when it has just those keys,
    // in that order (a pod's 33 `NAT_…` rules write one address and port: one text per pod).
    // Found by address (a pod's one string), then side and port: no key text per rule.
    if (a.kind === 'nat' && isPlainNat(a)) {
      let list = this.natHits.get(a.ip);
      if (!list) this.natHits.set(a.ip, (list = []));
      for (const x of list) if (x.side === a.side && x.port === a.port) return x.hits;
      const hits = this.hits.scan(JSON.stringify(a));
      list.push({ side: a.side, port: a.port, hits });
      return hits;
    }
    return this.hits.scan(JSON.stringify(a));
  }

  /** Hits of static NAT actions' texts, by address, then side and port (see `actionHits`). */
  private readonly natHits = new Map<
    string | null,
    { side: string; port: number | null; hits: readonly number[] }[]
  >();

  private readonly alone: (readonly number[])[] = [];
  private readonly groups = new GroupIds<GroupMemo>(() => this.fresh());
}

interface GroupMemo {
  /** The rewrites its rules can make, by port range (computed when first needed). */
  pools: Pools | null;
  readonly rules: readonly RuleBody[];
  readonly conds: readonly Cond[];
  /** Per rule: where the scan keeps what it read of it (see `readRule`). */
  readonly at: Int32Array;
  /** Sources any rule of the list names (outside backend lists). */
  readonly hit: Set<number>;
  /** Per direction: rules whose port conditions miss the matrix's own source port. */
  readonly cand: { readonly in: readonly number[]; readonly out: readonly number[] };
  /** Are all its rules in the scan's identity map (else a sample: see `memoOf`)? */
  known: boolean;
  /** Encoded rules per set of irrelevant rules, for owners the list does not name. */
  readonly encoded: Map<string, { seg: number; rel: number; ments: [number, string, boolean][] }>;
}

/** The keys of a static NAT action as programVfp writes it: its text is then fixed by them. */
const NAT_KEYS = ['kind', 'side', 'ip', 'port'];

/**
 * Does a static NAT action have just `NAT_KEYS`, in order, with a side, a string or null
 * address and a finite or null port (so two with equal ones stringify alike)?
 */
function isPlainNat(a: RuleBody['action'] & { kind: 'nat' }): boolean {
  let i = 0;
  for (const k in a) if (k !== NAT_KEYS[i++]) return false;
  if (i !== NAT_KEYS.length) return false;
  if (a.side !== 'source' && a.side !== 'destination') return false;
  if (a.ip !== null && typeof a.ip !== 'string') return false;
  return a.port === null || (typeof a.port === 'number' && Number.isFinite(a.port));
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
