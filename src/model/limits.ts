/**
 * The bounds every model fits, so that whatever the parsers build can be shared and reopened:
 * the link/file schema (src/share) enforces the same numbers. The parsers apply
 * `fitModelLimits` to what they build; a dump can hold longer strings or deeper policy JSON.
 * Lists are never cut (`MAX_MODEL_LIST`): a view with a longer one cannot be shared, and the
 * share side says so first.
 */
import type { Topology } from './types';

/** Longest string (and table key) in a model. */
export const MAX_MODEL_STRING = 4096;
/**
 * Most entries in one list or id table of a shared model (a link or a view file). A dump can
 * hold more (a node with 200k endpoints): such a view is refused with this reason before it
 * is shared, never cut, since a cut list would trace differently.
 */
export const MAX_MODEL_LIST = 100_000;
/** Deepest nesting of containers in opaque `raw` policy JSON. */
export const MAX_RAW_DEPTH = 16;
/** Stands in for JSON cut at `MAX_RAW_DEPTH`. */
export const CUT_MARKER = '[nested too deeply: cut]';

/** FNV-1a over the UTF-16 units of `s`, as 8 hex digits. */
function hash8(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * `s` if it fits; else its start, an ellipsis and a hash of the whole, so two long strings
 * that differ only past the cut (two ids, say) stay different.
 */
export function fitString(s: string): string {
  if (s.length <= MAX_MODEL_STRING) return s;
  return `${s.slice(0, MAX_MODEL_STRING - 10)}…${hash8(s)}`;
}

/** Counts what `fitModelLimits` changed. */
export interface FitReport {
  strings: number;
  cuts: number;
}

const define = (o: object, k: string, value: unknown): void => {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
};

function fit(v: unknown, rawDepth: number | null, report: FitReport): unknown {
  if (typeof v === 'string') {
    if (v.length <= MAX_MODEL_STRING) return v;
    report.strings++;
    return fitString(v);
  }
  if (v === null || typeof v !== 'object') return v;
  if (rawDepth !== null && rawDepth >= MAX_RAW_DEPTH) {
    report.cuts++;
    return CUT_MARKER;
  }
  const next = rawDepth === null ? null : rawDepth + 1;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const y = fit(x, next, report);
      if (y !== x) (out ??= v.slice())[i] = y;
    }
    return out ?? v;
  }
  // Copy on write: most models need no fitting, so nothing is allocated until a key or value
  // changes; then the keys before it are copied over and the rest follow.
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let out: object | null = null;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = o[k];
    const key = k.length <= MAX_MODEL_STRING ? k : fitString(k);
    if (key !== k) report.strings++;
    const y = fit(x, k === 'raw' && rawDepth === null ? 0 : next, report);
    if (out === null && (y !== x || key !== k)) {
      out = Object.create(Object.getPrototypeOf(o) as object | null) as object;
      for (let j = 0; j < i; j++) define(out, keys[j]!, o[keys[j]!]);
    }
    if (out !== null) define(out, key, y);
  }
  return out ?? v;
}

/**
 * `t` with every string (and key) at most `MAX_MODEL_STRING` characters and every `raw`
 * policy JSON at most `MAX_RAW_DEPTH` containers deep. Unchanged parts are shared; `t`
 * itself comes back when nothing needed fitting. `checked`: tables of `t` (values of its own
 * keys) already known to fit, which the check skips; when anything else needs fitting, the
 * whole model is walked as without them.
 */
export function fitModelLimits(
  t: Topology,
  checked?: ReadonlySet<unknown>,
): { topology: Topology; report: FitReport } {
  const report: FitReport = { strings: 0, cuts: 0 };
  // Most models fit: a walk that allocates nothing says so, and only a model that does not is
  // walked again to be copied where needed.
  if (topologyFits(t, checked)) return { topology: t, report };
  const topology = fit(t, null, report) as Topology;
  return { topology, report };
}

/**
 * `fits(t, null)`, except that the topology's tables in `checked` are taken as fitting: their
 * builder checked every string as it made them (5,000 load balancers are most of a big dump's
 * model, and their builder knows which of their fields hold strings).
 */
function topologyFits(t: Topology, checked: ReadonlySet<unknown> | undefined): boolean {
  if (checked === undefined || checked.size === 0) return fits(t, null);
  const o = t as unknown as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (k.length > MAX_MODEL_STRING) return false;
    if (!checked.has(v) && !fits(v, null)) return false;
  }
  return true;
}

/**
 * Whether `fit(v, rawDepth, …)` would give back `v` itself. `for…in` (no key array per object,
 * unlike `Object.keys`) also visits inherited enumerable keys; a model object has none, and one
 * more key can only turn the answer to false, which `fit` then settles.
 */
function fits(v: unknown, rawDepth: number | null): boolean {
  if (typeof v === 'string') return v.length <= MAX_MODEL_STRING;
  if (v === null || typeof v !== 'object') return true;
  if (rawDepth !== null && rawDepth >= MAX_RAW_DEPTH) return false;
  const next = rawDepth === null ? null : rawDepth + 1;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!fits(v[i], next)) return false;
    return true;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (k.length > MAX_MODEL_STRING) return false;
    if (!fits(o[k], k === 'raw' && rawDepth === null ? 0 : next)) return false;
  }
  return true;
}

/** Why a list of `count` entries cannot travel in a link or a view file. */
export function tooManyEntries(count: number): string {
  return `${count.toLocaleString('en')} entries; a link or view file holds at most ${MAX_MODEL_LIST.toLocaleString('en')} in one list`;
}

/**
 * The first list or table in `value` (plain JSON data) longer than `MAX_MODEL_LIST`, with its
 * path in the schema's notation, or null. Iterative (any depth), no copying: a cheap check to
 * run before serialising a big view.
 */
export function firstOverfullList(
  value: unknown,
  root = '$',
): { path: string; count: number } | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (v.length > MAX_MODEL_LIST) return { path, count: v.length };
      for (let i = v.length - 1; i >= 0; i--)
        if (typeof v[i] === 'object' && v[i] !== null) stack.push([v[i], `${path}[${i}]`]);
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > MAX_MODEL_LIST) return { path, count: keys.length };
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const x = (v as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null)
        stack.push([
          x,
          /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`,
        ]);
    }
  }
  return null;
}
