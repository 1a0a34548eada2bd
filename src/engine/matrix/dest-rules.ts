/**
 * The rules side of destination classes: every distinct rule list once, the rule a column's
 * backends come from, and rules written as text up to what the classes leave out.
 */
import type { Cidr } from '../../shared/ip';
import type { Topology } from '../../model/types';
import { compiledPort, type CompiledTopology } from '../compile';
import type { CGroup, RuleBody } from '../compile-vfp';
import { isWideSpace } from './spaces';

/** A rule list some ports share, met once. */
export interface GroupInfo {
  readonly id: number;
  readonly g: CGroup;
  readonly where: string;
  readonly ports: string[];
}

/** Does rule `r` (conditions `cc`) pick backends for `vip:port/proto` as its destination? */
export function picksFor(
  r: RuleBody,
  dst: readonly Cidr[] | null,
  vip: number,
  port: number,
  proto: number,
): boolean {
  if (r.action.kind !== 'lbnat') return false;
  if (!dst || !dst.some((c) => c.bits === 32 && c.base === vip)) return false;
  const ps = r.conditions.dstPorts;
  if (ps && !ps.some((x) => x.from <= port && port <= x.to)) return false;
  const pr = r.conditions.protocols;
  return !pr || pr.includes(proto);
}

/** Calls `ip` with each address action `a` writes into a packet, `text` with an opaque one's text. */
export function actionWrites(
  a: RuleBody['action'],
  ip: (x: string | null | undefined) => void,
  text: (x: string) => void,
): void {
  if (a.kind === 'lbnat') {
    ip(a.snatIp);
    for (const b of a.backends) ip(b.ip);
  } else if (a.kind === 'nat') ip(a.ip);
  else if (a.kind === 'dynnat') ip(a.snatIp);
  else if (a.kind === 'encap') {
    ip(a.outerSrcIp);
    ip(a.outerDstIp);
  } else if (a.kind === 'paroute') ip(a.nextHop);
  else if (a.kind === 'other') text(a.text);
}

/** Every distinct rule list of `t`'s ports once, with the ports that hold it. */
export function distinctGroups(t: Topology, c: CompiledTopology): GroupInfo[] {
  const groups = new Map<object, GroupInfo[]>();
  const infos: GroupInfo[] = [];
  // One string per place: lists are compared by place many times, by identity first.
  const places = new Map<string, string>();
  for (const id of Object.keys(t.ports)) {
    const cp = compiledPort(c, id);
    if (!cp) continue;
    for (const cl of cp.layers)
      for (const g of [...cl.outGroups, ...cl.inGroups]) {
        let list = groups.get(g.m);
        if (!list) groups.set(g.m, (list = []));
        let info = list.find((x) => x.g.rules === g.rules || sameRules(x.g.rules, g.rules));
        if (!info) {
          info = {
            id: infos.length,
            g,
            where: interned(places, placeOf(cl.layer.name, g.group.name, g.group.direction)),
            ports: [],
          };
          list.push(info);
          infos.push(info);
        }
        info.ports.push(id);
      }
  }
  return infos;
}

/** A list's place, its layer's and group's names led by their lengths (a name may hold `/`). */
export const placeOf = (layer: string, group: string, direction: string): string =>
  `${layer.length}:${layer}/${group.length}:${group}/${direction}`;

function interned(strings: Map<string, string>, x: string): string {
  const y = strings.get(x);
  if (y !== undefined) return y;
  strings.set(x, x);
  return x;
}

/**
 * What a backend count decides besides the pick: none (a drop), or over 64 (a non-DSR limit).
 */
export const sizeClass = (n: number) => (n === 0 ? 'none' : n > 64 ? 'over 64' : 'some');

/** The pieces of rule texts that can be tokens (ids, names, addresses). */
export const PIECES = /[^\s_"{}[\],()/=|;:]+/g;

/** The separators of `PIECES` below code 128 (`\s` above it: see `isSep`). */
const SEP = new Uint8Array(128);
for (const ch of ' \t\n\v\f\r_"{}[],()/=|;:') SEP[ch.charCodeAt(0)] = 1;

/** Is code unit `c` a separator of `PIECES` (one of its listed characters, or `\s`)? */
export function isSep(c: number): boolean {
  return c < 128 ? SEP[c] === 1 : isWideSpace(c);
}

/**
 * A piece that is no token, as key texts write it: one that starts with `⟨` gets another, so a
 * dump's literal `⟨vip0⟩` never reads as the placeholder a token is written as (a placeholder
 * is a whole piece, `⟨` then no `⟨`).
 */
export const rawPiece = (p: string): string => (p.charCodeAt(0) === 0x27e8 ? `\u27e8${p}` : p);

/**
 * `x.replace(PIECES, piece)` without the regex: each run of non-separators passed through
 * `piece`, the text copied only where a piece changes (`x` itself when none does).
 */
export function mapPieces(x: string, piece: (p: string) => string): string {
  let out = '';
  let copied = 0;
  const n = x.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSep(x.charCodeAt(i))) i++;
    if (i === n) break;
    const start = i;
    while (i < n && !isSep(x.charCodeAt(i))) i++;
    const p = start === 0 && i === n ? x : x.slice(start, i);
    const q = piece(p);
    if (q !== p) {
      out += x.slice(copied, start) + q;
      copied = i;
    }
  }
  return copied === 0 ? x : out + x.slice(copied);
}

/**
 * Pieces that may be some token, by length and first and last code unit: a piece that is not
 * added is never passed to a `somePiece` callback given the filter (no slice, no lookup).
 */
export class PieceFilter {
  private readonly bits = new Uint8Array(1 << 16);
  add(p: string): void {
    this.bits[slot(p, 0, p.length)] = 1;
  }
  has(x: string, from: number, to: number): boolean {
    return this.bits[slot(x, from, to)] === 1;
  }
}

function slot(x: string, from: number, to: number): number {
  const n = to - from;
  if (n === 0) return 0;
  return (n * 0x9e5 + x.charCodeAt(from) * 0x3b + x.charCodeAt(to - 1) + 1) & 0xffff;
}

/**
 * Calls `f` with each piece `x.split` on the separators of `PIECES` gives, empty ones
 * included (at either end, or the whole of an empty `x`), until `f` returns true; with
 * `maybe`, only the pieces it may hold.
 */
export function somePiece(x: string, f: (p: string) => boolean, maybe?: PieceFilter): boolean {
  return somePieceAt(
    x,
    (s, from, to) => f(from === 0 && to === s.length ? s : s.slice(from, to)),
    maybe,
  );
}

/**
 * `somePiece` by place: `f(x, from, to)` for each piece `x.slice(from, to)` (an empty one as
 * `from === to`), so a caller can compare a piece where it lies before cutting it out.
 */
export function somePieceAt(
  x: string,
  f: (x: string, from: number, to: number) => boolean,
  maybe?: PieceFilter,
): boolean {
  const n = x.length;
  const empty = !maybe || maybe.has(x, 0, 0);
  if (n === 0 || isSep(x.charCodeAt(0))) if (empty && f(x, 0, 0)) return true;
  let i = 0;
  while (i < n) {
    while (i < n && isSep(x.charCodeAt(i))) i++;
    if (i === n) return isSep(x.charCodeAt(n - 1)) && n > 0 && empty ? f(x, n, n) : false;
    const start = i;
    while (i < n && !isSep(x.charCodeAt(i))) i++;
    if (maybe && !maybe.has(x, start, i)) continue;
    if (f(x, start, i)) return true;
  }
  return false;
}

/**
 * A rule as text: everything but an lbnat's backend list (the pick replays that), each piece
 * of a name, address or id passed through `piece` (how tokens become placeholders; `rawPiece`
 * for the others). Each text is led by its length, so no name or prefix holding `|` or `,`
 * reads as the fields after it; the rest are numbers and words of the model's own.
 */
export function ruleText(r: RuleBody, piece: (p: string) => string = rawPiece): string {
  const c = r.conditions;
  const a = r.action;
  const act =
    a.kind === 'lbnat'
      ? `lbnat ${word(a.loadBalancerId, piece)} ${sizeClass(a.backends.length)} ${a.distribution} ${word(a.snatIp, piece)}`
      : a.kind === 'nat'
        ? `nat ${a.side} ${word(a.ip, piece)} ${a.port}`
        : a.kind === 'allow' || a.kind === 'block'
          ? a.kind
          : word(JSON.stringify(a), piece);
  return `${word(r.name, piece)}|${r.priority}|${r.type}|${r.terminating ? 1 : 0}${r.stateful ? 1 : 0}|${prefixesText(c.srcPrefixes, piece)}|${prefixesText(c.dstPrefixes, piece)}|${portsText(c.srcPorts)}|${portsText(c.dstPorts)}|${c.protocols?.join(',') ?? '*'}|${act}`;
}

/**
 * `ruleText(r, piece)` for the rules naming one VIP (`toks`: its tokens, written `⟨vipN⟩` by
 * `piece` too; `piece` also writes the current owner's, `values`). A dump's ports' own lists
 * share rule objects, met in a row: a rule met again is written once with only the VIP's tokens
 * as placeholders, and that text serves every owner none of whose tokens is a piece of it (the
 * pieces that are some source's token, in `sourceValues`, are kept to check).
 */
export function textsInRow(
  toks: readonly string[],
  piece: (p: string) => string,
  sourceValues: ReadonlySet<string>,
): (r: RuleBody, values: readonly string[] | null) => string {
  let last: RuleBody | null = null;
  let plain: string | null = null;
  let named: string[] = [];
  return (r, values) => {
    if (r !== last) {
      [last, plain] = [r, null];
      return ruleText(r, piece);
    }
    if (plain === null) {
      const found: string[] = [];
      plain = ruleText(r, (p) => {
        const i = toks.indexOf(p);
        if (i >= 0) return `\u27e8vip${i}\u27e9`;
        if (sourceValues.has(p) && !found.includes(p)) found.push(p);
        return rawPiece(p);
      });
      named = found;
    }
    for (const p of named) if (values?.includes(p)) return ruleText(r, piece);
    return plain;
  };
}

/**
 * `mentionText(place, where, body)`, the same string object as the last call's when the parts
 * are equal (`body` is compared first: `textsInRow` hands the same object back for a rule met
 * again), so a dump's ports' alike texts for one VIP are compared by identity in runs.
 */
export function sameAsLast(): (place: string, where: string, body: string) => string {
  let [p, w, b, out] = ['', '', '', mentionText('', '', '')];
  return (place, where, body) => {
    if (body !== b || where !== w || place !== p)
      [p, w, b, out] = [place, where, body, mentionText(place, where, body)];
    return out;
  };
}

/**
 * A mention in a VIP's key: its place (`#rank` or `@index`), its list's place among layers and
 * groups (names a dump gives) and its rule's text, each led by its length: a text that ends
 * itself, so a list of them joined by any separator reads one way only.
 */
export const mentionText = (place: string, where: string, body: string): string =>
  `${place}|${where.length}:${where}|${body.length}:${body}`;

/** A text with each piece passed through `piece`, led by its length (null: `null`). */
function word(x: string | null, piece: (p: string) => string): string {
  if (x === null) return 'null';
  const w = mapPieces(x, piece);
  return `${w.length}:${w}`;
}

function prefixesText(x: readonly string[] | null, piece: (p: string) => string): string {
  if (!x) return '*';
  let out = '';
  for (let i = 0; i < x.length; i++) out += (i ? ',' : '') + word(x[i]!, piece);
  return out;
}

function portsText(x: readonly { from: number; to: number }[] | null): string {
  if (!x) return '*';
  let out = '';
  for (let i = 0; i < x.length; i++) out += `${i ? ',' : ''}${x[i]!.from}-${x[i]!.to}`;
  return out;
}

function sameRules(a: readonly RuleBody[], b: readonly RuleBody[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
