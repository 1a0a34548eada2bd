/** A source's own identity (address, MAC, ids, names) as tokens, and text rewritten by them. */
export interface OwnTokens {
  readonly roles: readonly string[];
  readonly values: readonly string[];
  /** The source's own addresses, by role, as numbers (the replayed choices map them). */
  readonly ips: readonly number[];
  readonly portIds: readonly string[];
  readonly endpointIds: readonly string[];
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
