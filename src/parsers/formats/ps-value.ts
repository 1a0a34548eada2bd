/**
 * Values as PowerShell's default list view prints them: `@{a=b; c=d}` objects, `{a, b}` arrays,
 * `System.Object[]` placeholders, `True`/`False`, numbers. Linear, no backtracking regexes.
 */

/** Marker PowerShell prints for a collection it cut short (`...}`). */
export const ELLIPSIS = '\u2026truncated';

import { setKey } from './raw';

const TYPE_NAME = /^System\.[A-Za-z.]+(\[\])?$/;

export function isTypeName(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0);
  if (c !== 83 && c !== 64 && c !== 46) return false; // 'S', '@', '.'
  return TYPE_NAME.test(v) || v === '@{...}' || v === '...';
}

export function psScalar(text: string): unknown {
  const t = text.trim();
  if (t === '') return '';
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (/^-?\d{1,15}$/.test(t)) return Number(t);
  return t;
}

class P {
  pos = 0;
  constructor(readonly s: string) {}

  /** A value ends at one of `stops` (at depth 0) or at the end. */
  value(stops: string): unknown {
    const s = this.s;
    while (s[this.pos] === ' ') this.pos++;
    if (s.startsWith('@{', this.pos)) return this.hash();
    if (s[this.pos] === '{') return this.list();
    const start = this.pos;
    while (this.pos < s.length && !stops.includes(s[this.pos] ?? '')) this.pos++;
    return psScalar(s.slice(start, this.pos));
  }

  hash(): Record<string, unknown> {
    const s = this.s;
    const obj: Record<string, unknown> = {};
    this.pos += 2;
    while (this.pos < s.length) {
      while (s[this.pos] === ' ' || s[this.pos] === ';') this.pos++;
      if (s[this.pos] === '}') {
        this.pos++;
        return obj;
      }
      const eq = s.indexOf('=', this.pos);
      const close = s.indexOf('}', this.pos);
      if (eq < 0 || (close >= 0 && close < eq)) {
        this.pos = close < 0 ? s.length : close + 1;
        return obj;
      }
      const key = s.slice(this.pos, eq).trim();
      this.pos = eq + 1;
      setKey(obj, key, this.value(';}'));
      if (s[this.pos] === ';') this.pos++;
    }
    return obj;
  }

  list(): unknown[] {
    const s = this.s;
    const arr: unknown[] = [];
    this.pos++;
    while (this.pos < s.length) {
      while (s[this.pos] === ' ' || s[this.pos] === ',') this.pos++;
      if (s.startsWith('...}', this.pos) || s.startsWith('...', this.pos)) {
        arr.push(ELLIPSIS);
        this.pos = s.indexOf('}', this.pos) < 0 ? s.length : s.indexOf('}', this.pos) + 1;
        return arr;
      }
      if (s[this.pos] === '}') {
        this.pos++;
        return arr;
      }
      const before = this.pos;
      const v = this.value(',}');
      if (typeof v === 'string' && v.endsWith('...')) {
        if (v.length > 3) arr.push(v.slice(0, -3));
        arr.push(ELLIPSIS);
      } else if (v !== '' || this.pos > before) arr.push(v);
      if (s.startsWith('...', this.pos)) continue;
      if (this.pos === before) this.pos++;
    }
    return arr;
  }
}

/** Interpret one Format-List value (already joined from its continuation lines). */
export function psValue(text: string): unknown {
  const t = text.trim();
  // A list cut off at the end of a paste has no closing brace; a braced GUID is not a list.
  if (
    t.startsWith('@{') ||
    (t.startsWith('{') && (t.endsWith('}') || !/^\{[0-9a-fA-F-]+$/.test(t)))
  ) {
    try {
      return new P(dropCutMember(t)).value('');
    } catch {
      return t;
    }
  }
  return psScalar(t);
}

/**
 * A value cut off at the end of a paste (`{@{ExternalPort=6831; InternalPort=6`) loses its last
 * member, which may itself be cut (`6` of `6443`): complete members are kept, none is guessed.
 */
function dropCutMember(t: string): string {
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 123) depth++;
    else if (c === 125) depth--;
  }
  if (depth <= 0) return t;
  const cut = Math.max(t.lastIndexOf(';'), t.lastIndexOf(','), t.lastIndexOf('{'));
  return t.slice(0, t[cut] === '{' ? cut + 1 : cut);
}

/** True when an array from `psValue` was cut short by PowerShell. */
export function hasEllipsis(v: unknown): boolean {
  return Array.isArray(v) && v.includes(ELLIPSIS);
}
