/**
 * The texts of a destination class's cells (see `dest-expand.ts`): whether a cell names a
 * column's tokens (its VIP, load balancer and service ids and names), and a cell written for
 * another column of the class by swapping them, whole words only.
 */
import { isSep } from './dest-rules';
import { escapeOpen } from './tokens';
import type { MatrixCell } from './types';

const FIELDS = ['reason', 'at', 'layer', 'group', 'rule', 'backend'] as const;
type Field = (typeof FIELDS)[number];
const isAlnum = (ch: number) =>
  (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/** Tokens to find in texts (see `namesToken`). */
export interface TokenSet {
  readonly toks: ReadonlySet<string>;
  readonly max: number;
  /**
   * Per first and per last character (its code's low 7 bits): a bit per length of the tokens
   * (lengths over 31 share bit 31), so most words are passed over without being cut out.
   */
  readonly first: Uint32Array;
  readonly last: Uint32Array;
}

const lengthBit = (n: number) => 1 << Math.min(n, 31);

export function tokenSet(list: readonly string[]): TokenSet {
  const first = new Uint32Array(128);
  const last = new Uint32Array(128);
  let max = 0;
  for (const x of list) {
    if (x.length === 0) continue;
    const bit = lengthBit(x.length);
    first[x.charCodeAt(0) & 127]! |= bit;
    last[x.charCodeAt(x.length - 1) & 127]! |= bit;
    max = Math.max(max, x.length);
  }
  return { toks: new Set(list), max, first, last };
}

/** Does a text of `c` name one of `set`'s tokens (as a whole word)? */
export function namesToken(c: MatrixCell, set: TokenSet): boolean {
  for (const f of FIELDS) {
    const v = c[f];
    if (v !== null && textNames(v, set)) return true;
  }
  return false;
}

function textNames(v: string, { toks, max, first, last }: TokenSet): boolean {
  const n = v.length;
  for (let p = 0; p < n; p++) {
    if (!isAlnum(v.charCodeAt(p)) || (p > 0 && isAlnum(v.charCodeAt(p - 1)))) continue;
    const lengths = first[v.charCodeAt(p) & 127]!;
    if (lengths === 0) continue;
    const top = Math.min(n, p + max);
    for (let e = p + 1; e <= top; e++) {
      if (e < n && isAlnum(v.charCodeAt(e))) continue;
      const bit = lengthBit(e - p);
      if ((lengths & last[v.charCodeAt(e - 1) & 127]! & bit) !== 0 && toks.has(v.slice(p, e)))
        return true;
    }
  }
  return false;
}

/**
 * `c` with `from`'s tokens written as `to`'s (whole words); null when it names `to`'s. A
 * template (`templated`, see `tokens.ts`) keeps its `⟨role⟩` placeholders as they are.
 */
export function swapCell(
  c: MatrixCell,
  from: readonly string[],
  to: readonly string[],
  templated = false,
  pieces = false,
): MatrixCell | null {
  let max = 0;
  for (const x of to) max = Math.max(max, x.length);
  return applySwap(cellSwap(c, from, max, templated, pieces), to);
}

/**
 * A cell cut where `swapCell` writes `from`'s tokens, to be written for many `to` (one column
 * or pod after another) without reading its texts again: per text its pieces and the token
 * between each two, and the words the scan looks up that are not `from`'s (a `to` holding one
 * refuses the swap). Valid for every `to` whose tokens are at most `max` long.
 */
export interface CellSwap {
  readonly cell: MatrixCell;
  readonly from: readonly string[];
  readonly templated: boolean;
  readonly max: number;
  readonly texts: readonly {
    readonly f: Field;
    readonly pieces: string[];
    readonly at: number[];
  }[];
  readonly tested: ReadonlySet<string>;
  /** Tokens are the key's pieces (a column's), not words (see `cellSwap`). */
  readonly pieces: boolean;
  /** A token sits where the key did not read it as one: the cell is traced instead. */
  readonly refused: boolean;
}

const PLACEHOLDER = /\u27e8(?:\u27e8|[^\u27e8\u27e9]*\u27e9)/g;

/**
 * `c` cut at `from`'s tokens, whole words. With `pieces` (a column's tokens, which its
 * destination-class key reads as whole pieces of `PIECES`, `dest-rules.ts`), a token found
 * where it is no whole piece (`blk-10.96.0.1`: the key read it as text that names no VIP, the
 * same for every column), or one no piece can be (holding a separator) found anywhere, refuses
 * the swap. Either way a token the cut never finds (not starting with a letter or digit, as a
 * dump's port named `-NIC 1`; or holding `⟨`) found in a text refuses it too.
 */
export function cellSwap(
  c: MatrixCell,
  from: readonly string[],
  max: number,
  templated = false,
  pieces = false,
): CellSwap {
  const index = new Map<string, number>();
  from.forEach((x, i) => {
    if (!index.has(x)) index.set(x, i);
    max = Math.max(max, x.length);
  });
  // A template doubles a literal `⟨` (see `tokens.ts`): odd tokens are looked for so written.
  const odd = from.filter((x) => oddToken(x, pieces)).map((x) => (templated ? escapeOpen(x) : x));
  const tested = new Set<string>();
  const texts: CellSwap['texts'][number][] = [];
  let refused = false;
  for (const f of FIELDS) {
    const v = c[f];
    if (v === null) continue;
    for (const x of odd) if (v.includes(x)) refused = true;
    const cut = { f, pieces: [''], at: [] as number[] };
    if (!templated) refused = !cutWords(v, index, max, cut, tested, pieces) || refused;
    else {
      // The text between placeholders is read on its own; the placeholders stay as they are.
      let last = 0;
      for (const m of v.matchAll(PLACEHOLDER)) {
        refused = !cutWords(v.slice(last, m.index), index, max, cut, tested, pieces) || refused;
        cut.pieces[cut.pieces.length - 1] += m[0];
        last = m.index + m[0].length;
      }
      refused = !cutWords(v.slice(last), index, max, cut, tested, pieces) || refused;
    }
    texts.push(cut);
  }
  return { cell: c, from, templated, max, texts, tested, pieces, refused };
}

/**
 * Is `x` a token the cut cannot find as a word (not starting alphanumeric, or holding `⟨`)
 * or, with `pieces`, one no key reads as a piece (holding a separator)?
 */
function oddToken(x: string, pieces: boolean): boolean {
  if (x.length === 0) return false;
  // The cut starts only at a word's start (`cutWords`); a token's end may be any character.
  if (!isAlnum(x.charCodeAt(0))) return true;
  // A template's text is cut at each `⟨` (see `cellSwap`): no token holding one is found.
  if (x.includes('\u27e8')) return true;
  if (pieces) for (let i = 0; i < x.length; i++) if (isSep(x.charCodeAt(i))) return true;
  return false;
}

/**
 * Cut `text` at `from`'s tokens (`index`: each one's first place in `from`): at each word
 * start the longest token ending at a word boundary; the words looked up before it, which are
 * not `from`'s, go to `tested`. False when `pieces` and a token cut is no whole piece.
 */
function cutWords(
  text: string,
  index: ReadonlyMap<string, number>,
  max: number,
  cut: { pieces: string[]; at: number[] },
  tested: Set<string>,
  pieces: boolean,
): boolean {
  let whole = true;
  let last = 0;
  for (let p = 0; p < text.length; p++) {
    if (!isAlnum(text.charCodeAt(p)) || (p > 0 && isAlnum(text.charCodeAt(p - 1)))) continue;
    for (let e = Math.min(text.length, p + max); e > p; e--) {
      if (e < text.length && isAlnum(text.charCodeAt(e))) continue;
      const w = text.slice(p, e);
      const i = index.get(w);
      if (i === undefined) {
        tested.add(w);
        continue;
      }
      if (
        pieces &&
        ((p > 0 && !isSep(text.charCodeAt(p - 1))) ||
          (e < text.length && !isSep(text.charCodeAt(e))))
      )
        whole = false;
      cut.pieces[cut.pieces.length - 1] += text.slice(last, p);
      cut.at.push(i);
      cut.pieces.push('');
      last = e;
      p = e - 1;
      break;
    }
  }
  cut.pieces[cut.pieces.length - 1] += text.slice(last);
  return whole;
}

/**
 * `sw`'s cell with its `from` tokens written as `to`'s; null when a text names `to`'s or the
 * cut was refused.
 */
export function applySwap(sw: CellSwap, to: readonly string[]): MatrixCell | null {
  if (sw.refused) return null;
  for (const x of to) {
    if (x.length > sw.max) return swapCell(sw.cell, sw.from, to, sw.templated, sw.pieces);
    if (sw.tested.has(x)) return null;
    // `tested` holds only words: a `to` token no word can be is looked for in the texts.
    if (oddToken(x, sw.pieces)) {
      const y = sw.templated ? escapeOpen(x) : x;
      if (sw.texts.some(({ f }) => sw.cell[f]!.includes(y))) return null;
    }
  }
  const out: Record<string, unknown> = { ...sw.cell };
  for (const { f, pieces, at } of sw.texts) {
    let s = pieces[0]!;
    for (let k = 0; k < at.length; k++) s += to[at[k]!]! + pieces[k + 1]!;
    out[f] = s;
  }
  return out as unknown as MatrixCell;
}
