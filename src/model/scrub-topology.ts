/**
 * `scrubTopology`: replace the IPs, MACs, GUIDs and names of a topology so it can be shared
 * (links, bug reports) without revealing the cluster it came from, while keeping it usable.
 * Every string is scrubbed except fields the schema restricts to enumerations: addresses,
 * GUIDs and MACs are mapped, the names of nodes, pods, namespaces, services, networks,
 * adapters, vSwitches, endpoints, externals, labels and DNS suffix labels become
 * `<category>-<n>`, and then every remaining run of letters that is not in hnsviz's own
 * vocabulary (`scrub-vocabulary.ts`) becomes `w<n>` — default-deny, so policy IDs, host and
 * interface names, file names, free text and unknown policy JSON are covered too. It is:
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
import { SCRUB_VOCABULARY } from './scrub-vocabulary';
import { TOPOLOGY_TABLES, type Topology } from './types';

/**
 * Fields whose values the schema restricts to a fixed set (enumerations) or that point into
 * hnsviz's own docs: kept. Outside opaque `raw` policy JSON only.
 */
const KEEP_KEYS = new Set([
  'format',
  'design',
  'kind',
  'type',
  'role',
  'action',
  'direction',
  'family',
  'matchType',
  'confidence',
  'by',
  'mode',
  'distribution',
  'defaultAction',
  'externalTrafficPolicy',
  'sessionAffinity',
  'side',
  'ruleType',
  'ref',
]);

/** Top-level tables: their keys are ids, scrubbed like the ids inside. */
const TABLES: ReadonlySet<string> = new Set(TOPOLOGY_TABLES);

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
/** A run of letters: the unit the default-deny pass keeps or replaces. */
const WORD = /[A-Za-z]+/g;

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

/** A word a scrubbed string may keep: hnsviz's vocabulary, or one or two hex letters. */
function isSafeWord(w: string): boolean {
  return (
    (w.length <= 2 && /^[a-f]+$/i.test(w)) ||
    w.length === 1 ||
    SCRUB_VOCABULARY.has(w.toLowerCase())
  );
}

interface Scrubber {
  /** Addresses, GUIDs, known names and words already replaced: for text about the topology. */
  readonly known: (text: string) => string;
  /** `known`, then every other word outside the vocabulary replaced (and remembered). */
  readonly deny: (text: string) => string;
}

/** A scrubber for strings, built from the names found in `t`. */
function createScrubber(t: Topology, key: readonly number[]): Scrubber {
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
    ...Object.values(t.endpoints).flatMap((e) => e.dns?.search ?? []),
    ...Object.values(t.nodes).flatMap(
      (n) => n.kubeProxy?.proxies.flatMap((p) => p.dnsSuffixes ?? []) ?? [],
    ),
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

  const words = new Map<string, string>();
  const word = (w: string): string => {
    if (isSafeWord(w)) return w;
    let r = words.get(w);
    if (!r) words.set(w, (r = `w${words.size + 1}`));
    return r;
  };
  const cache = new Map<string, string>();
  const known = (text: string): string => {
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
    if (nameRe) s = s.replace(nameRe, (n) => names.get(n) ?? n);
    return words.size > 0 ? s.replace(WORD, (w) => words.get(w) ?? w) : s;
  };
  const deny = (text: string): string => {
    let r = cache.get(text);
    if (r === undefined) cache.set(text, (r = known(text).replace(WORD, word)));
    return r;
  };
  return { known, deny };
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
 * `scrubTopology`, plus the string mappings it used, learned over the whole topology:
 * - `text(s)` for a string taken from the topology (a selected id, a trace's `from`/`to`):
 *   scrubbed exactly as in the topology, so `text('a1')` is the scrubbed pod name;
 * - `mention(s)` for text that mentions the topology among words of its own (an SVG label,
 *   a trace transcript): the addresses, names and replaced words of the topology are
 *   replaced, other words are kept.
 */
export function scrubTopologyWith(
  t: Topology,
  key: readonly number[],
): { topology: Topology; text: (s: string) => string; mention: (s: string) => string } {
  const { known, deny } = createScrubber(t, key);
  // `free`: inside opaque policy JSON or label maps, where keys are data and no field is an
  // enumeration.
  const walk = (v: unknown, field: string | null, depth: number, free: boolean): unknown => {
    if (typeof v === 'string') return !free && field !== null && KEEP_KEYS.has(field) ? v : deny(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, field, depth + 1, free));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      const renameKeys = free || (depth === 1 && field !== null && TABLES.has(field));
      for (const [k, x] of Object.entries(v)) {
        // defineProperty: a key `__proto__` stays a plain key.
        Object.defineProperty(out, renameKeys ? deny(k) : k, {
          value: walk(x, k, depth + 1, free || k === 'raw' || k === 'labels'),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return { topology: walk(t, null, 0, false) as Topology, text: deny, mention: known };
}
