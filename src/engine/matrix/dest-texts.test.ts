/**
 * A cell's texts cut once at one column's (or pod's) tokens and written for many others
 * (`cellSwap`, `applySwap`), and the token check (`namesToken`), against the plain reading:
 * at each word start the longest token ending at a word boundary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySwap, cellSwap, namesToken, swapCell, tokenSet } from './dest-texts';
import type { MatrixCell } from './types';

const isAlnum = (ch: number) =>
  (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/** The plain reading: every word start, the longest candidate first. */
function swapWords(text: string, from: readonly string[], to: readonly string[]): string | null {
  let max = 0;
  for (const x of [...from, ...to]) max = Math.max(max, x.length);
  let out = '';
  let last = 0;
  for (let p = 0; p < text.length; p++) {
    if (!isAlnum(text.charCodeAt(p)) || (p > 0 && isAlnum(text.charCodeAt(p - 1)))) continue;
    for (let e = Math.min(text.length, p + max); e > p; e--) {
      if (e < text.length && isAlnum(text.charCodeAt(e))) continue;
      const w = text.slice(p, e);
      const i = from.indexOf(w);
      if (i < 0) {
        if (to.includes(w)) return null;
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

function names(text: string, toks: readonly string[]): boolean {
  for (let p = 0; p < text.length; p++) {
    if (!isAlnum(text.charCodeAt(p)) || (p > 0 && isAlnum(text.charCodeAt(p - 1)))) continue;
    for (let e = p + 1; e <= text.length; e++)
      if ((e === text.length || !isAlnum(text.charCodeAt(e))) && toks.includes(text.slice(p, e)))
        return true;
  }
  return false;
}

const cell = (reason: string, rule: string | null): MatrixCell => ({
  verdict: 'dropped',
  reason,
  at: 'n / lb1 / OUT',
  layer: null,
  group: null,
  rule,
  priority: null,
  backend: null,
});

// Texts of pieces that tokens are made of, so that tokens overlap, nest and touch.
const piece = fc.constantFrom('10', '96', '0', '1', 'lb', 'lb1', 'a', '.', ' ', '_', '-', ':');
const text = fc.array(piece, { maxLength: 14 }).map((xs) => xs.join(''));
const token = fc
  .array(piece, { minLength: 1, maxLength: 5 })
  .map((xs) => xs.join(''))
  .filter((x) => isAlnum(x.charCodeAt(0)));
const tokens = fc.uniqueArray(token, { minLength: 1, maxLength: 3 });

describe('dest-texts', () => {
  it('writes a cell for another column as the plain reading does', () => {
    const a = cell('request dropped: no route to 10.96.0.1 (lb1, lb12)', 'LB_10.96.0.1_lb1');
    expect(swapCell(a, ['10.96.0.1', 'lb1'], ['10.96.0.12', 'lb7'])).toEqual({
      ...cell('request dropped: no route to 10.96.0.12 (lb7, lb12)', 'LB_10.96.0.12_lb7'),
      at: 'n / lb7 / OUT',
    });
    // A text already naming a token of the other column: not written.
    expect(swapCell(a, ['10.96.0.1', 'lb1'], ['10.96.0.2', 'lb12'])).toBeNull();
  });

  it('one cut serves every `to`, equal to the plain reading (random texts and tokens)', () => {
    fc.assert(
      fc.property(text, text, tokens, fc.array(tokens, { maxLength: 4 }), (r, u, from, tos) => {
        const c = cell(r, u);
        const max = Math.max(0, ...tos.flat().map((x) => x.length));
        const cut = cellSwap(c, from, max);
        for (const to0 of tos) {
          const to = from.map((_, i) => to0[i % to0.length]!);
          const want = swapWords(r, from, to);
          const wantRule = swapWords(u, from, to);
          const wantAt = swapWords(c.at!, from, to);
          const got = applySwap(cut, to);
          if (want === null || wantRule === null || wantAt === null) expect(got).toBeNull();
          else expect(got).toEqual({ ...c, reason: want, rule: wantRule, at: wantAt });
          // Tokens longer than the cut was made for: read again, the same answer.
          expect(applySwap(cellSwap(c, from, 0), to)).toEqual(got);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a template’s placeholders and swaps the text between them', () => {
    const t = cell('to ⟨pod.ip⟩ from p1 (⟨⟨p1)', null);
    expect(swapCell(t, ['p1'], ['p2'], true)!.reason).toBe('to ⟨pod.ip⟩ from p2 (⟨⟨p2)');
  });

  it('finds tokens as whole words, as the plain reading does', () => {
    fc.assert(
      fc.property(text, tokens, (r, toks) => {
        expect(namesToken(cell(r, null), tokenSet(toks))).toBe(
          names(r, toks) || names('n / lb1 / OUT', toks),
        );
      }),
      { numRuns: 400 },
    );
  });
});
