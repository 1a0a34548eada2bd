/**
 * The texts of a destination class's cells (see `dest-expand.ts`): whether a cell names a
 * column's tokens (its VIP, load balancer and service ids and names), and a cell written for
 * another column of the class by swapping them, whole words only.
 */
import type { MatrixCell } from './types';

const FIELDS = ['reason', 'at', 'layer', 'group', 'rule', 'backend'] as const;
const isAlnum = (ch: number) =>
  (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/** Does a text of `c` name one of `toks` (as a whole word; `max`: the longest's length)? */
export function namesToken(c: MatrixCell, toks: ReadonlySet<string>, max: number): boolean {
  return FIELDS.some((f) => {
    const v = c[f];
    if (v === null) return false;
    for (let p = 0; p < v.length; p++) {
      if (!isAlnum(v.charCodeAt(p)) || (p > 0 && isAlnum(v.charCodeAt(p - 1)))) continue;
      for (let e = p + 1; e <= v.length && e - p <= max; e++)
        if ((e === v.length || !isAlnum(v.charCodeAt(e))) && toks.has(v.slice(p, e))) return true;
    }
    return false;
  });
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
): MatrixCell | null {
  const out: Record<string, unknown> = { ...c };
  for (const f of FIELDS) {
    const v = c[f];
    if (v === null) continue;
    const w = templated ? swapOutside(v, from, to) : swapWords(v, from, to);
    if (w === null) return null;
    out[f] = w;
  }
  return out as unknown as MatrixCell;
}

const PLACEHOLDER = /\u27e8(?:\u27e8|[^\u27e8\u27e9]*\u27e9)/g;

/** `swapWords` on the text between a template's placeholders. */
function swapOutside(text: string, from: readonly string[], to: readonly string[]): string | null {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const w = swapWords(text.slice(last, m.index), from, to);
    if (w === null) return null;
    out += w + m[0];
    last = m.index + m[0].length;
  }
  const w = swapWords(text.slice(last), from, to);
  return w === null ? null : out + w;
}

function swapWords(text: string, from: readonly string[], to: readonly string[]): string | null {
  let max = 0;
  for (const x of from) max = Math.max(max, x.length);
  for (const x of to) max = Math.max(max, x.length);
  let out = '';
  let last = 0;
  for (let p = 0; p < text.length; p++) {
    if (!isAlnum(text.charCodeAt(p)) || (p > 0 && isAlnum(text.charCodeAt(p - 1)))) continue;
    // The longest token starting here that ends at a word boundary.
    for (let e = Math.min(text.length, p + max); e > p; e--) {
      if (e < text.length && isAlnum(text.charCodeAt(e))) continue;
      const w = text.slice(p, e);
      const i = from.indexOf(w);
      if (i < 0) {
        if (to.includes(w) && !from.includes(w)) return null;
        continue;
      }
      out += text.slice(last, p) + to[i]!;
      last = e;
      p = e - 1;
      break;
    }
  }
  return out + text.slice(last);
}
