/** A source's own identity (address, MAC, ids, names) as tokens, and text rewritten by them. */
export interface OwnTokens {
  readonly roles: readonly string[];
  readonly values: readonly string[];
  /** The source's own addresses, by role, as numbers (the replayed choices map them). */
  readonly ips: readonly number[];
  readonly portIds: readonly string[];
  readonly endpointIds: readonly string[];
  /** Remote endpoints on other nodes standing for the source (see `classes.ts` `standIns`). */
  readonly standInIds?: readonly string[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replace `tok`'s values by their roles in `text` (longest first, whole tokens only). */
export function tokenRegex(tok: OwnTokens): RegExp | null {
  const vals = [...tok.values].filter((v) => v.length > 0);
  if (vals.length === 0) return null;
  vals.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![A-Za-z0-9])(?:${vals.map(esc).join('|')})(?![A-Za-z0-9])`, 'g');
}

/** `text` with `from`'s tokens written as `to`'s (or as role placeholders when `to` is null). */
export function substitute(
  text: string,
  from: OwnTokens,
  re: RegExp | null,
  to: OwnTokens | null,
): string {
  if (!re) return text;
  return text.replace(re, (m) => {
    const i = from.values.indexOf(m);
    return to ? (to.values[i] ?? m) : `\u27e8${from.roles[i] ?? '?'}\u27e9`;
  });
}

const OPEN = '\u27e8';
const CLOSE = '\u27e9';

/**
 * `text` with each literal `⟨` doubled, as `toTemplate` writes it: a dump's own `⟨pod.ip⟩`
 * then never reads as a placeholder (whose `⟨` is single) once texts are compared.
 */
export function escapeOpen(text: string): string {
  return text.includes(OPEN) ? text.replaceAll(OPEN, OPEN + OPEN) : text;
}

/**
 * `substitute` into placeholders, escaped as `toTemplate` does (`re`: `tokenRegex(tok)`), so
 * two texts read alike only when their literal parts and placeholders are alike.
 */
export function normalize(text: string, tok: OwnTokens, re: RegExp | null): string {
  if (!text.includes(OPEN)) return substitute(text, tok, re, null);
  return toTemplate(text, tok, templateRegex(tok));
}

/** `tokenRegex` that also finds `⟨`, which templates escape (see `toTemplate`). */
export function templateRegex(tok: OwnTokens): RegExp {
  const re = tokenRegex(tok);
  return new RegExp(re ? `${re.source}|${OPEN}` : OPEN, 'g');
}

/**
 * `text` as a template of its source: `tok`'s values become `⟨role⟩` placeholders and a
 * literal `⟨` becomes `⟨⟨`, so `fillTemplate` gives the text back for any source with the
 * same roles (a dump's own `⟨…⟩` text is never taken for a placeholder).
 */
export function toTemplate(text: string, tok: OwnTokens, re: RegExp): string {
  return text.replace(re, (m) =>
    m === OPEN ? OPEN + OPEN : `${OPEN}${tok.roles[tok.values.indexOf(m)] ?? '?'}${CLOSE}`,
  );
}

const PLACEHOLDER = /\u27e8(\u27e8|[^\u27e8\u27e9]*\u27e9)/g;

/** A template's text for the source `tok` (the inverse of `toTemplate`). */
export function fillTemplate(text: string, tok: OwnTokens | null): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(PLACEHOLDER, (m, g: string) => {
    if (g === OPEN) return OPEN;
    const i = tok ? tok.roles.indexOf(g.slice(0, -1)) : -1;
    return i >= 0 ? tok!.values[i]! : m;
  });
}
