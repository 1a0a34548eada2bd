/**
 * When may a source's templated cell (`tokens.ts`) be filled in for another member of its class?
 * The template writes the source's tokens as placeholders wherever `tokenRegex` finds them (a
 * whole alphanumeric word), but the class key reads another object's text only where the scan
 * finds a token (`hits.ts`: a whole piece between its splitting characters), never reads other
 * sources' own names nor ports' layer and group names for mentions. A token found only by the
 * regex (`ep1` in a port named `Container NIC 2-ep1`) is then text that is the same for every
 * member, which the template would move: such a cell is kept to its own source.
 */
import type { Topology } from '../../model/types';
import type { MatrixCell } from './types';
import type { OwnTokens } from './tokens';

/**
 * Splitting characters of `Hits` that JSON writes as they are (no control characters, no wide
 * spaces: a conservative subset). `"` only before a token: JSON writes it `\"` after one.
 */
const BEFORE = new Uint8Array(128);
for (const ch of ' _"{}[],()/=|;') BEFORE[ch.charCodeAt(0)] = 1;
const AFTER = new Uint8Array(128);
for (const ch of ' _{}[],()/=|;') AFTER[ch.charCodeAt(0)] = 1;

const before = (c: number) => c < 128 && BEFORE[c] === 1;
const after = (c: number) => c < 128 && AFTER[c] === 1;
/** A character JSON writes as it is and `Hits` does not split on (a piece's length stays). */
const plainInPiece = (c: number) => c >= 0x20 && c !== 0x5c && !(c < 128 && BEFORE[c] === 1);

/**
 * Would the scan find the token at `text[a, b)` as `Hits` finds one: a whole piece, the piece
 * before its first colon (not 17 long: a MAC), or the piece without its trailing dot?
 */
function wholePiece(text: string, a: number, b: number, value: string): boolean {
  const n = text.length;
  if (a > 0 && !before(text.charCodeAt(a - 1))) return false;
  if (b === n || after(text.charCodeAt(b))) return true;
  const c = text.charCodeAt(b);
  if (c === 46) return b + 1 === n || after(text.charCodeAt(b + 1));
  if (c !== 58 || value.includes(':')) return false;
  let e = b;
  while (e < n && plainInPiece(text.charCodeAt(e))) e++;
  return (e === n || after(text.charCodeAt(e))) && e - a !== 17;
}

const FIELDS = ['reason', 'at', 'layer', 'group', 'rule', 'backend'] as const;

/**
 * Does every word of `c`'s texts that `re` (the source's global `tokenRegex`) finds stand where
 * the class key read it? The backend's address is the replayed choice's, not the key's.
 */
export function keyReadsTokens(c: MatrixCell, re: RegExp): boolean {
  for (const f of FIELDS) {
    const text = c[f];
    if (text === null) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const a = m.index;
      const b = a + m[0].length;
      if (f === 'backend' && a === 0 && b === text.lastIndexOf(':')) continue;
      if (!wholePiece(text, a, b, m[0])) return false;
    }
  }
  return true;
}

const isAlnum = (ch: number) =>
  (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/**
 * Per source: is one of its tokens a word (as `tokenRegex` finds it) of a text no class key
 * reads for mentions: another source's own token (its port's name, its pod's name) or any
 * port's layer or group name? Its templated cells are then kept to it.
 */
export function heldSources(t: Topology, tokens: readonly (OwnTokens | null)[]): Uint8Array {
  const owners = new Map<string, number[]>();
  let longest = 0;
  tokens.forEach((tok, s) =>
    tok?.values.forEach((v) => {
      const l = owners.get(v);
      if (!l) owners.set(v, [s]);
      else if (!l.includes(s)) l.push(s);
      longest = Math.max(longest, v.length);
    }),
  );
  const held = new Uint8Array(tokens.length);
  if (owners.size === 0) return held;
  const lengths = new Uint8Array(longest + 1);
  for (const v of owners.keys()) lengths[v.length] = 1;
  // Every word-bounded part of `x` of a token's length, its owners but `by` marked held.
  const mark = (x: string, by: number) => {
    const n = x.length;
    for (let p = 0; p < n; p++) {
      if (p > 0 && isAlnum(x.charCodeAt(p - 1))) continue;
      for (let e = p + 1; e <= n && e - p < lengths.length; e++) {
        if ((e < n && isAlnum(x.charCodeAt(e))) || lengths[e - p] === 0) continue;
        for (const s of owners.get(x.slice(p, e)) ?? []) if (s !== by) held[s] = 1;
      }
    }
  };
  tokens.forEach((tok, s) => tok?.values.forEach((v) => mark(v, s)));
  const names = new Set<string>();
  for (const l of Object.values(t.layers)) names.add(l.name);
  for (const g of Object.values(t.groups)) names.add(g.name);
  for (const x of names) mark(x, -1);
  return held;
}
