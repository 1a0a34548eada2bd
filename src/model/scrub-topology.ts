/**
 * `scrubTopology`: replace the IPs, MACs, GUIDs and names of a topology so it can be shared
 * (links, bug reports) without revealing the cluster it came from, while keeping it usable:
 *
 * - consistent: the same original always becomes the same replacement, everywhere (ids,
 *   table keys, rule names, free text), so references and traces still work;
 * - injective: different originals get different replacements;
 * - IPv4 mapping is prefix-preserving (Crypto-PAn style: bit i is flipped by a keyed hash of
 *   bits 0..i-1), so "is this IP in that subnet" answers the same and routes, LPM and NAT
 *   exceptions behave as before. `0.0.0.0`, `255.255.255.255` and `127.0.0.0/8` are kept.
 * - IPv6 addresses become `fd00::<n>` (containment is not preserved for IPv6).
 *
 * IMPORTANT: pass a fresh random `key` (crypto.getRandomValues) for each share; with a known
 * key the IPv4 mapping can be inverted. The hash is a mixer, not a cryptographic PRF: the
 * scrub stops casual reading of a shared dump, not a determined analyst.
 */
import type { Topology } from './types';

/** Fields whose values are enumerations or references to docs, never scrubbed. */
const KEEP_KEYS = new Set([
  'format',
  'design',
  'kind',
  'type',
  'hnsType',
  'role',
  'action',
  'direction',
  'family',
  'matchType',
  'confidence',
  'by',
  'mode',
  'distribution',
  'state',
  'defaultAction',
  'externalTrafficPolicy',
  'sessionAffinity',
  'side',
  'ruleType',
  'os',
  'ref',
]);

/** Top-level tables: their keys are ids, scrubbed like the ids inside. */
const TABLES = new Set([
  'nodes',
  'vswitches',
  'networks',
  'endpoints',
  'pods',
  'services',
  'loadBalancers',
  'ports',
  'layers',
  'groups',
  'rules',
  'externals',
]);

/** Name fields: their values become `<category>-<n>` wherever they occur. */
const NAME_FIELDS: readonly (readonly [table: keyof Topology, field: string, category: string])[] =
  [
    ['nodes', 'name', 'node'],
    ['pods', 'name', 'pod'],
    ['pods', 'namespace', 'ns'],
    ['services', 'namespace', 'ns'],
    ['services', 'name', 'svc'],
    ['networks', 'name', 'net'],
    ['networks', 'networkAdapterName', 'adapter'],
    ['vswitches', 'name', 'vswitch'],
    ['vswitches', 'externalAdapter', 'adapter'],
    ['endpoints', 'name', 'ep'],
    ['externals', 'name', 'ext'],
  ];

/** DNS labels that say nothing about a cluster. */
const PLAIN_DNS = new Set(['svc', 'cluster', 'local']);

const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const MAC =
  /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([-:])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])/g;
const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?(?!\.?\d)/g;
const IPV6 = /^[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:\/\d{1,3})?$/;

/** A 32-bit mixer (murmur3 finaliser) over the key and the inputs. */
function mix(key: readonly number[], a: number, b: number): number {
  let h = (key[0] ?? 0) ^ Math.imul(a, 0x9e3779b1);
  for (const k of [key[1] ?? 0, b, key[2] ?? 0, key[3] ?? 0]) {
    h = Math.imul(h ^ k ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

function mapIpv4(ip: number, key: readonly number[]): number {
  let out = 0;
  for (let i = 0; i < 32; i++) {
    const prefix = i === 0 ? 0 : ip >>> (32 - i);
    const bit = (ip >>> (31 - i)) & 1;
    out = ((out << 1) | (bit ^ (mix(key, prefix, i) & 1))) >>> 0;
  }
  return out;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A scrubber for strings, built from the names found in `t`. */
function createScrubber(t: Topology, key: readonly number[]): (text: string) => string {
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  const addName = (name: string | null | undefined, category: string): void => {
    if (!name || names.has(name)) return;
    const n = (counters.get(category) ?? 0) + 1;
    counters.set(category, n);
    names.set(name, `${category}-${n}`);
  };
  for (const [table, field, category] of NAME_FIELDS) {
    const rows = t[table] as Record<string, Record<string, unknown>> | null;
    for (const row of Object.values(rows ?? {})) {
      const v = row[field];
      if (typeof v === 'string') addName(v, category);
    }
  }
  for (const pod of Object.values(t.pods))
    for (const v of Object.values(pod.labels)) addName(v, 'label');
  const suffixes = [
    ...(t.cluster?.dnsSearch ?? []),
    ...Object.values(t.networks).map((n) => n.dnsSuffix ?? ''),
  ];
  for (const label of suffixes.flatMap((s) => s.split('.')))
    if (!PLAIN_DNS.has(label)) addName(label, 'dns');

  const nameRe =
    names.size > 0
      ? new RegExp(
          `(?<![A-Za-z0-9_])(?:${[...names.keys()]
            .sort((a, b) => b.length - a.length)
            .map(escapeRe)
            .join('|')})(?![A-Za-z0-9_])`,
          'g',
        )
      : null;
  const guids = new Map<string, string>();
  const macs = new Map<string, string>();
  const v6 = new Map<string, string>();
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

  const guid = (g: string): string => {
    const lower = g.toLowerCase();
    let r = guids.get(lower);
    if (!r) guids.set(lower, (r = `00000000-0000-4000-8000-${hex(guids.size + 1, 12)}`));
    return g === lower ? r : r.toUpperCase();
  };
  const mac = (m: string, sep: string): string => {
    const norm = m.toLowerCase().replace(/[-:]/g, '');
    let r = macs.get(norm);
    if (!r) macs.set(norm, (r = `02${hex(macs.size + 1, 10)}`));
    const out = (r.match(/../g) ?? []).join(sep);
    return m === m.toLowerCase() ? out : out.toUpperCase();
  };
  const ipv4 = (m: string, oct: readonly number[], len: string | undefined): string => {
    if (oct.length !== 4 || oct.some((x) => x > 255)) return m;
    const ip = ((oct[0]! << 24) | (oct[1]! << 16) | (oct[2]! << 8) | oct[3]!) >>> 0;
    if (ip === 0 || ip === 0xffffffff || oct[0] === 127) return m;
    let mapped = mapIpv4(ip, key);
    if (len !== undefined) {
      const bits = Number(len);
      if (bits > 32) return m;
      mapped = bits === 0 ? 0 : (mapped & (~0 << (32 - bits))) >>> 0;
    }
    const text = [24, 16, 8, 0].map((s) => (mapped >>> s) & 255).join('.');
    return len === undefined ? text : `${text}/${len}`;
  };
  const ipv6 = (whole: string): string => {
    const [addr = '', len] = whole.split('/');
    const lower = addr.toLowerCase();
    if (lower === '::' || lower === '::1') return whole;
    let r = v6.get(lower);
    if (!r) v6.set(lower, (r = `fd00::${hex(v6.size + 1, 1)}`));
    return len === undefined ? r : `${r}/${len}`;
  };

  return (text) => {
    if (
      IPV6.test(text) &&
      text.split(':').length > 2 &&
      !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(text)
    )
      return ipv6(text);
    let s = text.replace(GUID, guid);
    s = s.replace(MAC, (m: string, sep: string) => mac(m, sep));
    s = s.replace(IPV4, (m: string, a: string, b: string, c: string, d: string, len?: string) =>
      ipv4(m, [a, b, c, d].map(Number), typeof len === 'string' ? len : undefined),
    );
    return nameRe ? s.replace(nameRe, (n) => names.get(n) ?? n) : s;
  };
}

/**
 * A copy of `t` with IPs, MACs, GUIDs and names replaced consistently. Pure: the same `t`
 * and `key` give the same result. `key` is 1–4 unsigned 32-bit integers.
 *
 * @example
 * const key = Array.from(crypto.getRandomValues(new Uint32Array(4)));
 * const shared = scrubTopology(topology, key);
 */
export function scrubTopology(t: Topology, key: readonly number[]): Topology {
  return scrubTopologyWith(t, key).topology;
}

/**
 * `scrubTopology`, plus the string mapping it used, for text that refers to the topology
 * (a selected id, a trace's `from`/`to`): `text('a1')` is the scrubbed pod name.
 */
export function scrubTopologyWith(
  t: Topology,
  key: readonly number[],
): { topology: Topology; text: (s: string) => string } {
  const scrub = createScrubber(t, key);
  const walk = (v: unknown, field: string | null, depth = 0): unknown => {
    if (typeof v === 'string') return field !== null && KEEP_KEYS.has(field) ? v : scrub(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, field, depth + 1));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      const idKeys = depth === 1 && field !== null && TABLES.has(field);
      for (const [k, x] of Object.entries(v)) {
        Object.defineProperty(out, idKeys ? scrub(k) : k, {
          value: walk(x, k, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return { topology: walk(t, null) as Topology, text: scrub };
}
