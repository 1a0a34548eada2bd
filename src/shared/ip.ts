/**
 * IPv4 helpers on unsigned 32-bit numbers. Pure, dependency-free, used by the model,
 * the parsers and the engine. IPv6 strings are recognised but not indexed (the engine
 * models IPv4 only; see engine/README.md).
 */

/**
 * Parse dotted IPv4 to an unsigned 32-bit number, or null when it is not one: four runs of one
 * to three ASCII digits joined by dots, each at most 255, around them only whitespace. Read by
 * hand (no match array); `ip.test.ts` checks it against that pattern.
 */
export function parseIpv4(text: string): number | null {
  // A text that starts and ends with a digit has nothing to trim.
  const len = text.length;
  return dotted(
    len > 0 && isDigit(text.charCodeAt(0)) && isDigit(text.charCodeAt(len - 1))
      ? text
      : text.trim(),
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Four runs of one to three ASCII digits and three dots, each octet ≤ 255 (see `parseIpv4`). */
function dotted(s: string): number | null {
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (++digits > 3) return null;
      octet = octet * 10 + (c - 48);
    } else if (c === 46 && digits > 0 && octet <= 255 && dots < 3) {
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else return null;
  }
  if (dots !== 3 || digits === 0 || octet > 255) return null;
  return (n * 256 + octet) >>> 0;
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

/** Dotted text of an unsigned 32-bit address (one template: no array per address). */
export function formatIpv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export interface Cidr {
  /** Network address (host bits cleared). */
  readonly base: number;
  readonly bits: number;
  /** Netmask as an unsigned number. */
  readonly mask: number;
}

export function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Parse `a.b.c.d/n` or a bare `a.b.c.d` (as /32). Null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [addr, len, ...rest] = text.trim().split('/');
  if (addr === undefined || rest.length > 0) return null;
  const ip = parseIpv4(addr);
  if (ip === null) return null;
  let bits = 32;
  if (len !== undefined) {
    if (!/^\d{1,2}$/.test(len)) return null;
    bits = Number(len);
    if (bits > 32) return null;
  }
  const mask = maskOf(bits);
  return { base: (ip & mask) >>> 0, bits, mask };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return (ip & cidr.mask) >>> 0 === cidr.base;
}

/** True when `ip` (dotted) lies in `prefix` (CIDR or bare IP). False when either is malformed. */
export function inPrefix(ip: string, prefix: string): boolean {
  const c = parseCidr(prefix);
  const n = parseIpv4(ip);
  return c !== null && n !== null && cidrContains(c, n);
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.bits}`;
}

/** The n-th address of a prefix: `hostInPrefix('10.244.1.0/24', 10)` → `10.244.1.10`. */
export function hostInPrefix(prefix: string, n: number): string {
  const c = parseCidr(prefix);
  if (c === null) throw new Error(`not an IPv4 prefix: ${prefix}`);
  return formatIpv4((c.base + n) >>> 0);
}

/** Normalise a MAC to lower case with colons (`00-15-5D-AA-BB-CC` → `00:15:5d:aa:bb:cc`). */
export function normaliseMac(text: string): string | null {
  const hex = text.trim().replace(/[-:.]/g, '');
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) return null;
  return hex.toLowerCase().match(/../g)!.join(':');
}

/** A MAC built from an IPv4 address with a 2-byte prefix, as flannel (0E-2A) and kube-proxy (02-11) do. */
export function macFromIp(prefix: string, ip: string): string {
  const n = parseIpv4(ip);
  if (n === null) throw new Error(`not an IPv4 address: ${ip}`);
  const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return [
    prefix.slice(0, 2),
    prefix.slice(2, 4),
    ...bytes.map((b) => b.toString(16).padStart(2, '0')),
  ]
    .join(':')
    .toLowerCase();
}
