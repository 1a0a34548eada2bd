/**
 * Cells as templates of their source class: a traced cell whose texts name its source (its
 * tokens, `tokens.ts`) is interned with those tokens as placeholders, so every member whose walk
 * is the traced one up to its own identity shares it, and `fillCell` writes a member's back.
 * A template the class key may not have read as the source's is kept to it (`template-check.ts`).
 */
import type { CellTable } from './cell';
import type { OwnTokens } from './classes';
import { keyReadsTokens } from './template-check';
import { fillTemplate, templateRegex, tokenRegex, toTemplate } from './tokens';
import type { MatrixCell } from './types';

const FIELDS = ['reason', 'at', 'layer', 'group', 'rule', 'backend'] as const;

/** Does a text of `c` name its source? (`test`: `tokenRegex` without the global flag.) */
function mentions(c: MatrixCell, test: RegExp | null): boolean {
  if (!test) return false;
  return FIELDS.some((f) => {
    const v = c[f];
    return v !== null && test.test(v);
  });
}

/** Apply `f` to every text field of `c`. */
function mapTexts(c: MatrixCell, f: (text: string) => string): MatrixCell {
  const out: Record<string, unknown> = { ...c };
  for (const k of FIELDS) {
    const v = c[k];
    if (v !== null) out[k] = f(v);
  }
  return out as unknown as MatrixCell;
}

/** `c` (of source `tok`) as a template of its source class (`re`: `templateRegex(tok)`). */
function templateOf(c: MatrixCell, tok: OwnTokens, re: RegExp): MatrixCell {
  return mapTexts(c, (v) => toTemplate(v, tok, re));
}

/** A template cell filled in for the source `tok`. */
export function fillCell(c: MatrixCell, tok: OwnTokens | null): MatrixCell {
  return mapTexts(c, (v) => fillTemplate(v, tok));
}

/** A source's regexes (see `tokens.ts`), made once per `OwnTokens`. */
interface TokenRegexes {
  /** Finds a token (no global flag); null when the source has none. */
  readonly test: RegExp | null;
  /** `tokenRegex` itself (global). */
  readonly all: RegExp | null;
  readonly template: RegExp;
}
const regexes = new WeakMap<OwnTokens, TokenRegexes>();

function regexesOf(tok: OwnTokens): TokenRegexes {
  let r = regexes.get(tok);
  if (!r) {
    const re = tokenRegex(tok);
    r = { test: re && new RegExp(re.source), all: re, template: templateRegex(tok) };
    regexes.set(tok, r);
  }
  return r;
}

/**
 * Templates no other member may take (see `template-check.ts`), per cell table. Kept is a
 * property of a template *and* the source that made it: another source (of another class) may
 * make the same template and, its tokens read by its class key, share it with its members.
 */
export class Kept {
  private readonly pairs = new Set<number>();

  /** `held`: per source, a token of it is a word of a text no key reads for mentions. */
  constructor(readonly held: Uint8Array) {}

  add(ci: number, s: number): void {
    this.pairs.add(ci * this.held.length + s);
  }

  /** Is cell `ci`, as source `s` made it, kept to `s`? */
  has(ci: number, s: number): boolean {
    return this.pairs.size > 0 && this.pairs.has(ci * this.held.length + s);
  }
}

/**
 * Source `s`'s cell (tokens `tok`) interned: a template when its texts name the source, kept
 * to it (`kept`) when the class key may not have read a token where the template writes it.
 */
export function internFor(
  table: CellTable,
  cell: MatrixCell,
  s: number,
  tok: OwnTokens | null,
  kept: Kept,
): number {
  if (!tok) return table.intern(cell);
  const re = regexesOf(tok);
  if (!mentions(cell, re.test)) return table.intern(cell);
  const ci = table.intern(templateOf(cell, tok, re.template), true);
  if (kept.held[s] === 1 || !keyReadsTokens(cell, re.all!)) kept.add(ci, s);
  return ci;
}
