/**
 * The rules naming candidate VIPs (`dest-classes.ts`): every rule of every distinct rule list
 * read once, by a /32 condition or a piece of its name, into each VIP's mentions.
 */
import type { Cond } from './scan';
import type { RuleBody } from '../compile-vfp';
import type { Mention } from './dest-alike';
import { PieceFilter, somePieceAt, type GroupInfo } from './dest-rules';

const NONE: readonly number[] = [];

/** One rule object in this many of a list read on its own is kept by identity (see `hitsOf`). */
const SAMPLE = 8;

export interface Mentions {
  /** Per VIP: the rules naming it, in list order. */
  readonly mentions: (Mention[] | undefined)[];
  /** Per VIP: its mentions by lbnat rules (the only ones that can pick its backends). */
  readonly picks: (Mention[] | undefined)[];
  /** Per rule list: the rules naming a VIP by a condition, in order. */
  readonly condAt: (number[] | undefined)[];
}

/** What the rules are read against. */
export interface VipNames {
  readonly count: number;
  /** Each candidate VIP by its address as a number. */
  readonly vipNum: ReadonlyMap<number, number>;
  /** The VIP each token is the only one's of. */
  readonly tokenVip: ReadonlyMap<string, number>;
  readonly vipTokens: readonly (readonly string[])[];
  /** Called once per rule object read (and maybe again: it must be idempotent). */
  readonly action: (a: RuleBody['action']) => void;
}

/** The mentions of every VIP in the rule lists `infos`. */
export function readMentions(infos: readonly GroupInfo[], v: VipNames): Mentions {
  const { vipNum, tokenVip, vipTokens } = v;
  // Tables by VIP filled out of order are made whole first (an index far past the end would
  // make an array a dictionary, and its readers deoptimise).
  const mentions = new Array<Mention[] | undefined>(v.count).fill(undefined);
  const picks = new Array<Mention[] | undefined>(v.count).fill(undefined);
  const condAt = new Array<number[] | undefined>(infos.length).fill(undefined);
  // Only a piece that may be a token is looked up (most pieces of a name are not).
  const maybe = new PieceFilter();
  for (const tok of tokenVip.keys()) maybe.add(tok);
  // The VIPs the current rule names: the first `nHit` of `hit` (never shrunk: an array whose
  // length is set to 0 drops its store, and the next push makes a new one).
  const hit: number[] = [];
  let nHit = 0;
  const add = (x: number) => {
    for (let h = 0; h < nHit; h++) if (hit[h] === x) return;
    hit[nHit++] = x;
  };
  const named = (x: string, from: number, to: number) => {
    // A token of a VIP already named names nothing new (compared in place: no cut, no hash).
    for (let h = 0; h < nHit; h++)
      for (const tok of vipTokens[hit[h]!]!)
        if (tok.length === to - from && x.startsWith(tok, from)) return false;
    const found = tokenVip.get(from === 0 && to === x.length ? x : x.slice(from, to));
    if (found !== undefined) add(found);
    return false;
  };
  const side = (cs: Cond['src']) => {
    if (cs)
      for (const x of cs) {
        const found = x.bits === 32 ? vipNum.get(x.base) : undefined;
        if (found !== undefined) add(found);
      }
  };
  // A VIP named alone (most rules): one array per VIP, not one per rule.
  const alone = new Array<readonly number[] | undefined>(v.count).fill(undefined);
  /** How many of the VIPs `hitsIn` last gave are named by a /32 condition (they come first). */
  let byCond = 0;
  /** Rule `r` (conditions `cc`) read: what its action writes, the VIPs it names. */
  const hitsIn = (r: RuleBody, cc: Cond): readonly number[] => {
    v.action(r.action);
    nHit = 0;
    side(cc.src);
    side(cc.dst);
    byCond = nHit;
    somePieceAt(r.name, named, maybe);
    if (nHit === 0) return NONE;
    if (nHit === 1) return (alone[hit[0]!] ??= [hit[0]!]);
    return hit.slice(0, nHit);
  };
  // Per rule read: what it names (`at` into it by rule list and place). A dump's ports' own
  // lists share rule objects: those are found by identity, every rule of a list that shares one
  // with another and a sample of the others' (a later list sharing a run of a list's rules
  // meets a sampled one within `SAMPLE` rules, and makes that list known rule by rule). A map
  // entry per rule object cost the synthetic node, whose 26,500 rule objects are each in one
  // list, a tenth of the destination scan. Read twice, a rule reads the same: the map saves
  // work, it decides nothing.
  let total = 0;
  for (const info of infos) total += info.g.rules.length;
  const read = new Array<readonly number[]>(total).fill(NONE);
  const readByCond = new Int32Array(total);
  const readIn = new Int32Array(total);
  const start = new Int32Array(infos.length + 1);
  const known = new Uint8Array(infos.length);
  const hitsOf = new Map<RuleBody, number>();
  const know = (id: number) => {
    if (known[id] === 1) return;
    known[id] = 1;
    const rules = infos[id]!.g.rules;
    for (let k = 0; k < rules.length; k++) hitsOf.set(rules[k]!, start[id]! + k);
  };
  for (const info of infos) {
    const { g } = info;
    const at0 = start[info.id]!;
    const n = g.rules.length;
    start[info.id + 1] = at0 + n;
    let shares = false;
    for (let k = 0; k < n; k++) {
      const r = g.rules[k]!;
      const at = hitsOf.get(r);
      let got: readonly number[];
      let cond: number;
      if (at === undefined) {
        got = hitsIn(r, g.m.conds[k]!);
        cond = byCond;
      } else {
        got = read[at]!;
        cond = readByCond[at]!;
        shares = true;
        know(readIn[at]!);
      }
      read[at0 + k] = got;
      readByCond[at0 + k] = cond;
      readIn[at0 + k] = info.id;
      if (got.length === 0) continue;
      if (cond > 0) (condAt[info.id] ??= []).push(k);
      for (let i = 0; i < got.length; i++) {
        const m: Mention = { info, k, cond: i < cond };
        (mentions[got[i]!] ??= []).push(m);
        // Only these can pick a column's backends (the rest need not be read again for that).
        // Most VIPs have one: an array of one (a first push would make room for 17).
        if (r.action.kind === 'lbnat') {
          const l = picks[got[i]!];
          if (l === undefined) picks[got[i]!] = [m];
          else l.push(m);
        }
      }
    }
    if (shares) know(info.id);
    else if (n > 0) {
      for (let k = 0; k < n; k += SAMPLE) hitsOf.set(g.rules[k]!, at0 + k);
      hitsOf.set(g.rules[n - 1]!, at0 + n - 1);
    }
  }
  return { mentions, picks, condAt };
}
