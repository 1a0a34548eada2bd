/**
 * Full encodings of rules as numbers: texts interned (equal texts, equal ids), a rule written
 * up to an owner (its tokens as placeholders), so rules equal up to their owners give equal
 * numbers. The source scan (`scan.ts`) writes these only where two lists' fingerprints meet.
 */
import type { Cidr } from '../../shared/ip';
import type { PortRange } from '../../model/types';
import type { RuleBody } from '../compile-vfp';
import { escapeOpen, normalize, tokenRegex, type OwnTokens } from './tokens';
import { condInto, Hits, NONE, ObjInfo } from './hits';
import { SEED, SMALL_KEY } from './prints';
import { covers, MATRIX_SOURCE_PORT } from './pools';

/** A rule's parsed address conditions. */
export interface Cond {
  readonly src: readonly Cidr[] | null;
  readonly dst: readonly Cidr[] | null;
}

/** A rule's encoding: name, priority, flags, condition and action ids. */
export type RuleEnc =
  { readonly ids: readonly number[]; readonly hits: readonly number[] } | NamingRule;

/** A rule that names sources (outside backend lists), with what writes it up to one of them. */
export interface NamingRule {
  readonly ids: readonly number[];
  readonly hits: readonly number[];
  readonly r: RuleBody;
  readonly cc: Cond;
  readonly name: ObjInfo;
  readonly act: ObjInfo;
  readonly actHits: readonly number[];
}

export class RuleEncoder {
  readonly hits: Hits;
  private nextId = 1;
  private readonly names = new Map<string, ObjInfo>();
  readonly regex: (RegExp | null)[];

  constructor(readonly tokens: readonly (OwnTokens | null)[]) {
    this.hits = new Hits(tokens);
    this.regex = tokens.map((t) => (t ? tokenRegex(t) : null));
  }

  /** A new id (texts, encodings and group ids share one space). */
  protected fresh(): number {
    return this.nextId++;
  }

  /** `text` with source `s`'s tokens as placeholders, a literal `⟨` doubled (see `name`). */
  norm(text: string, s: number): string {
    // The token regex matches only where a value occurs: most texts (layer and group names on
    // every port) hold none and no `⟨`, and a few substring checks cost less than the regex.
    const values = this.tokens[s]!.values;
    let some = text.includes('\u27e8');
    for (let i = 0; i < values.length && !some; i++) some = text.includes(values[i]!);
    return some ? normalize(text, this.tokens[s]!, this.regex[s]!) : text;
  }

  /**
   * A dump's text, interned. Texts and normalised texts (`norm`) share the ids, so a text is
   * keyed as `norm` would write it had it named no one (its literal `⟨` doubled): a rule named
   * `⟨pod.ip⟩` is never one named after its owner's address.
   */
  name(n: string): ObjInfo {
    return this.interned(escapeOpen(n), n);
  }

  /** A normalised text (`norm`'s), interned. */
  normName(text: string, s: number): ObjInfo {
    const n = this.norm(text, s);
    return this.interned(n, n);
  }

  private interned(key: string, text: string): ObjInfo {
    let i = this.names.get(key);
    if (!i) {
      i = new ObjInfo(this.fresh(), text, this.hits);
      this.names.set(key, i);
    }
    return i;
  }

  /** Ids of texts with one source's tokens as placeholders, by `id * 2^22 + source`. */
  private readonly owned = new Map<number, number>();

  /** The id of `info`'s text with source `s`'s tokens as placeholders. */
  private ownId(info: ObjInfo, s: number): number {
    if (!info.hits.includes(s)) return info.id;
    const k = info.id * 4194304 + s;
    let id = this.owned.get(k);
    if (id === undefined) this.owned.set(k, (id = this.normName(info.text, s).id));
    return id;
  }

  /**
   * Rule `e` for its owner `s`, pushed onto `sig`: its numbers with `s`'s tokens as
   * placeholders in each text it holds (name, prefixes, action), so rules equal up to their
   * owners push equal numbers. Self-delimiting: a marker, five numbers, the conditions (each
   * list led by its length) or the id of their text, the action.
   */
  protected ownRule(sig: number[], e: NamingRule, s: number): void {
    const r = e.r;
    sig.push(-3, this.ownId(e.name, s), r.priority, this.name(r.type).id, e.ids[2]!);
    if (!condInto(sig, r.conditions, (x) => this.ownId(this.name(x), s)))
      sig.push(-5, this.normName(JSON.stringify(r.conditions), s).id);
    sig.push(r.action.kind === 'lbnat' ? e.act.id : this.ownId(e.act, s));
  }

  /**
   * Rule `e` as text with source `s`'s tokens as placeholders (a mention of `s`). The name,
   * any text, is led by its length, so it never reads as the fields after it; the rest is
   * numbers, a type, the conditions' JSON (which ends itself) and the action last.
   */
  protected mentionText(e: NamingRule, s: number): string {
    const r = e.r;
    const name = this.norm(r.name, s);
    const rest = `${r.priority}|${r.type}|${e.ids[2]!}|${JSON.stringify(r.conditions)}|${r.action.kind === 'lbnat' ? `#${e.act.id}` : e.act.text}`;
    return `${name.length}:${name}|${this.norm(rest, s)}`;
  }

  private readonly prefixId = (x: string) => this.name(x).id;

  /**
   * A rule as numbers: name, priority, flags, its conditions' id (interned as numbers: each
   * list led by its length, prefixes by their text's id; by their text for an unknown shape),
   * its action's; and the sources it names. Kept per list and per rule object.
   */
  protected ruleEnc(
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
  protected inertFor(
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
    let h = SEED ^ arr.length;
    for (let i = 0; i < arr.length; i++) h = Math.imul(h ^ arr[i]!, 0x01000193);
    // A small integer key: a Map lookup without a string to build and hash.
    const k = h & SMALL_KEY;
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
    const id = this.fresh();
    const off = store.length;
    store.push(-1, id, arr.length);
    for (let i = 0; i < arr.length; i++) store.push(arr[i]!);
    if (last >= 0) store[last] = off;
    else this.heads.set(k, off);
    return id;
  }
}
