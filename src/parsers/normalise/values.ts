/** Small readers that turn loosely typed dump values into model values. */

import { normaliseMac, parseCidr } from '../../shared/ip';
import type { NetworkType, PortRange } from '../../model/types';
import { ELLIPSIS, isTypeName, psValue } from '../formats/ps-value';
import { isRecord } from '../formats/raw';

/** Field access by one of up to four names (no rest parameters: this is the hottest call). */
export type Get = (a: string, b?: string, c?: string, d?: string) => unknown;

/**
 * Objects with HNS's own casing (`ID`, `Name`) need no case-insensitive fallback: `getter(o)`
 * of such an object reads `o[a]`, else `o[b]`, … (callers may read them directly).
 */
export function isHnsCased(o: Record<string, unknown>): boolean {
  return 'ID' in o || 'Name' in o || 'Type' in o;
}

/** Case-insensitive field access (Go prints `Id`, HNS `ID`). */
export function getter(o: Record<string, unknown>): Get {
  const canonical = isHnsCased(o);
  let lower: Map<string, string> | null = null;
  return (a, b, c, d) => {
    // `o[x] !== undefined` first: one lookup when the field is there (the usual case).
    let v = o[a];
    if (v !== undefined || a in o) return v;
    if (b !== undefined && ((v = o[b]) !== undefined || b in o)) return v;
    if (c !== undefined && ((v = o[c]) !== undefined || c in o)) return v;
    if (d !== undefined && ((v = o[d]) !== undefined || d in o)) return v;
    if (canonical) return undefined;
    lower ??= new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
    for (const n of [a, b, c, d]) {
      const k = n === undefined ? undefined : lower.get(n.toLowerCase());
      if (k !== undefined) return o[k];
    }
    return undefined;
  };
}

const GUID = /^\{?([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})\}?$/;

/** Lower-case GUIDs without braces; other ids trimmed. */
export function normId(v: unknown): string | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  if (
    typeof v === 'string' &&
    v.length === 36 &&
    v.charCodeAt(8) === 45 &&
    v.charCodeAt(23) === 45
  ) {
    return v.toLowerCase();
  }
  const s = String(v).trim();
  if (s === '') return null;
  const m = GUID.exec(s);
  return m ? (m[1] ?? s).toLowerCase() : s;
}

export function isGuid(s: string): boolean {
  return GUID.test(s);
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const last = v.charCodeAt(v.length - 1);
    const t = v.charCodeAt(0) > 32 && last > 32 ? v : v.trim();
    return t === '' || isTypeName(t) ? undefined : t;
  }
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  if (typeof v === 'number') return v !== 0;
  return undefined;
}

/**
 * Arrays, or comma separated strings (`DNSServerList`, ACL addresses), or one number (an ACL's
 * `LocalPorts: 443` or `Protocols: 6` written as a JSON number: read as that one value, never
 * as "any"). Undefined when unknown.
 */
export function list(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return (v as unknown[]).filter((x) => x !== ELLIPSIS && !isTypeName(x));
  if (typeof v === 'number') return Number.isFinite(v) ? [v] : undefined;
  if (typeof v === 'string') {
    if (isTypeName(v.trim())) return undefined;
    if (v.trim().startsWith('@{')) return [psValue(v)];
    // One value (most ACL ports, protocols, addresses): what the split below gives.
    if (!v.includes(',')) {
      const t = v.trim();
      return t === '' ? [] : [t];
    }
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  if (v === null) return [];
  return undefined;
}

export function strList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) {
    // Hot path (big JSON dumps): one pass, no intermediate arrays. A list of clean strings
    // (every VIP and reference list of a dump) is copied at its own size; an array grown by
    // `push` from empty holds 17 slots, 184 bytes for one VIP.
    const a = v as unknown[];
    let i = 0;
    for (; i < a.length; i++) {
      const x = a[i];
      if (typeof x !== 'string' || x === ELLIPSIS || str(x) !== x) break;
    }
    if (i === a.length) return a.slice() as string[];
    const out = a.slice(0, i) as string[];
    for (; i < a.length; i++) {
      const x = a[i];
      if (x === ELLIPSIS) continue;
      const s = str(x);
      if (s !== undefined) out.push(s);
    }
    return out;
  }
  if (typeof v === 'string' && !v.includes(',')) {
    // One value (most ACL addresses and ports, a DNS server): what `list` and `str` give.
    const t = v.trim();
    if (t === '') return [];
    if (!t.startsWith('@{')) return isTypeName(t) ? undefined : [t];
  }
  const l = list(v);
  return l === undefined
    ? undefined
    : l.map((x) => str(x)).filter((x): x is string => x !== undefined);
}

/** Records in a list; PS 5.1 depth-cut `@{…}` strings are read back as objects. */
export function records(v: unknown): Record<string, unknown>[] {
  const l = Array.isArray(v) ? v : isRecord(v) ? [v] : (list(v) ?? []);
  const out: Record<string, unknown>[] = [];
  for (const x of l) {
    if (isRecord(x)) out.push(x);
    else if (typeof x === 'string' && x.startsWith('@{')) {
      const p = psValue(x);
      if (isRecord(p)) out.push(p);
    }
  }
  return out;
}

export function mac(v: unknown): string | undefined {
  const s = str(v);
  return s === undefined ? undefined : (normaliseMac(s) ?? s.toLowerCase());
}

/** Dotted IPv4 → unsigned number without a regex (hot in big dumps); null when not one. */
export function fastIpv4(s: string): number | null {
  let n = 0;
  let octet = -1;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      octet = octet < 0 ? c - 48 : octet * 10 + (c - 48);
      if (octet > 255) return null;
    } else if (c === 46 && octet >= 0 && dots < 3) {
      n = n * 256 + octet;
      octet = -1;
      dots++;
    } else return null;
  }
  return dots === 3 && octet >= 0 ? (n * 256 + octet) >>> 0 : null;
}

export function ip(v: unknown): string | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  return fastIpv4(s) !== null || s.includes(':') ? s : undefined;
}

export function prefix(v: unknown): string | undefined {
  const s = str(v);
  return s !== undefined && (parseCidr(s) !== null || s.includes(':')) ? s : undefined;
}

export function networkType(v: unknown): NetworkType | undefined {
  const s = str(v)?.toLowerCase();
  if (s === undefined) return undefined;
  const known: readonly NetworkType[] = [
    'nat',
    'ics',
    'transparent',
    'l2bridge',
    'l2tunnel',
    'overlay',
    'private',
    'internal',
  ];
  return (known as readonly string[]).includes(s) ? (s as NetworkType) : 'unknown';
}

export function protocol(v: unknown): number | undefined {
  const n = num(v);
  if (n !== undefined) return n;
  const s = str(v)?.toUpperCase();
  const names: Record<string, number> = {
    TCP: 6,
    UDP: 17,
    ICMP: 1,
    ICMPV4: 1,
    ICMPV6: 58,
    IGMP: 2,
    ANY: 256,
  };
  return s === undefined ? undefined : names[s];
}

/** Only ASCII digits, at least one (`/^\d+$/`). */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `80`, `80,443`, `1000-2000`; 0 or empty = any (empty list). */
export function portRanges(v: unknown): PortRange[] {
  const out: PortRange[] = [];
  for (const part of strList(v) ?? []) {
    if (isDigits(part)) {
      // One port (most ACLs): what the pattern below gives, without it.
      const port = Number(part);
      if (port !== 0) out.push({ from: port, to: port });
      continue;
    }
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from === 0 && to === 0) continue;
    out.push({ from, to });
  }
  return out;
}

/** Assign when defined (normalised records leave unknown fields out, for merging). */
export function setIf<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}
