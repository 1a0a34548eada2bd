/**
 * A very small runtime schema library for untrusted input (shared links, dropped files).
 *
 * A `Schema<T>` either returns a fresh, clean `T` (unknown keys dropped, no prototype tricks)
 * or throws a `SchemaError` naming the path of the first problem. Typing a schema as
 * `Schema<Topology>` makes the compiler check that what it accepts really is a `Topology`.
 * Hand-written (about 100 lines) rather than a dependency: valibot would do, but this is all
 * the app needs and it costs nothing in the bundle.
 */
import { MAX_MODEL_LIST, MAX_MODEL_STRING, MAX_RAW_DEPTH, tooManyEntries } from '../model/limits';

/** A validation failure at `path` (e.g. `$.source.topology.nodes["n1"].name`). */
export class SchemaError extends Error {
  readonly code = 'E_SCHEMA';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'SchemaError';
  }
}

/** Validate `value` (found at `path`) and return a clean copy, or throw `SchemaError`. */
export type Schema<T> = (value: unknown, path: string) => T;

type Out<S> = S extends Schema<infer T> ? T : never;

const fail = (path: string, problem: string): never => {
  throw new SchemaError(path, problem);
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A string of at most `max` characters, optionally matching `pattern`. */
export const str =
  (max = MAX_MODEL_STRING, pattern?: RegExp): Schema<string> =>
  (v, p) => {
    if (typeof v !== 'string') return fail(p, 'expected a string');
    if (v.length > max) return fail(p, `longer than ${max} characters`);
    if (pattern && !pattern.test(v)) return fail(p, 'has an unexpected form');
    return v;
  };

/** A finite number in [min, max]; an integer when `int`. */
export const num =
  (min = -Number.MAX_VALUE, max = Number.MAX_VALUE, int = false): Schema<number> =>
  (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(p, 'expected a number');
    if (v < min || v > max) return fail(p, `out of range [${min}, ${max}]`);
    if (int && !Number.isInteger(v)) return fail(p, 'expected an integer');
    return v;
  };

/** An integer in [min, max]. */
export const int = (min: number, max: number): Schema<number> => num(min, max, true);

export const bool: Schema<boolean> = (v, p) =>
  typeof v === 'boolean' ? v : fail(p, 'expected true or false');

/** One of the given literal values. */
export const lit =
  <const T extends string | number>(...values: readonly T[]): Schema<T> =>
  (v, p) =>
    (values as readonly unknown[]).includes(v)
      ? (v as T)
      : fail(p, `expected one of ${values.join(', ')}`);

export const nullable =
  <T>(s: Schema<T>): Schema<T | null> =>
  (v, p) =>
    v === null ? null : s(v, p);

/** `undefined` (absent) or a value; `fallback` replaces absence. */
export const optional =
  <T, D extends T | undefined = undefined>(s: Schema<T>, fallback?: D): Schema<T | D> =>
  (v, p) =>
    v === undefined ? (fallback as D) : s(v, p);

const tooMany = (count: number, max: number): string =>
  max === MAX_MODEL_LIST ? tooManyEntries(count) : `${count} entries, more than ${max}`;

/** An array of at most `max` items. */
export const arr =
  <T>(s: Schema<T>, max = MAX_MODEL_LIST): Schema<T[]> =>
  (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'expected a list');
    if (v.length > max) return fail(p, tooMany(v.length, max));
    return v.map((x, i) => s(x, `${p}[${i}]`));
  };

const define = (o: object, k: string, value: unknown): void => {
  // IMPORTANT: defineProperty, not assignment: a key `__proto__` must stay a plain key.
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
};

/** An object with exactly these fields (unknown fields are dropped from the result). */
export const obj =
  <S extends Record<string, Schema<unknown>>>(
    shape: S,
  ): Schema<{ -readonly [K in keyof S]: Out<S[K]> }> =>
  (v, p) => {
    if (!isPlainObject(v)) return fail(p, 'expected an object');
    const out = {};
    for (const k of Object.keys(shape)) {
      const r = shape[k]!(Object.hasOwn(v, k) ? v[k] : undefined, `${p}.${k}`);
      if (r !== undefined) define(out, k, r);
    }
    return out as { -readonly [K in keyof S]: Out<S[K]> };
  };

/** A string-keyed table of at most `max` entries. */
export const rec =
  <T>(s: Schema<T>, max = MAX_MODEL_LIST): Schema<Record<string, T>> =>
  (v, p) => {
    if (!isPlainObject(v)) return fail(p, 'expected an object');
    const keys = Object.keys(v);
    if (keys.length > max) return fail(p, tooMany(keys.length, max));
    const out: Record<string, T> = {};
    for (const k of keys) {
      if (k.length > MAX_MODEL_STRING) fail(p, 'key too long');
      define(out, k, s(v[k], `${p}[${JSON.stringify(k)}]`));
    }
    return out;
  };

/** A union told apart by the string field `tag`. */
export const tagged =
  <K extends string, M extends Record<string, Schema<unknown>>>(
    tag: K,
    members: M,
  ): Schema<Out<M[keyof M]>> =>
  (v, p) => {
    if (!isPlainObject(v)) return fail(p, 'expected an object');
    const t = v[tag];
    if (typeof t !== 'string' || !Object.hasOwn(members, t))
      return fail(`${p}.${tag}`, `expected one of ${Object.keys(members).join(', ')}`);
    return members[t]!(v, p) as Out<M[keyof M]>;
  };

/** Any JSON value nested at most `depth` levels (for opaque `raw` fields), copied. */
export const json =
  (depth = MAX_RAW_DEPTH): Schema<unknown> =>
  (v, p) => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return num()(v, p);
    if (depth <= 0) return fail(p, 'nested too deeply');
    if (Array.isArray(v)) return arr(json(depth - 1))(v, p);
    return rec(json(depth - 1))(v, p);
  };

/** Run `schema` on `value`: a clean value, or the error. Never throws. */
export function validate<T>(
  schema: Schema<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; error: SchemaError } {
  try {
    return { ok: true, value: schema(value, '$') };
  } catch (e) {
    if (e instanceof SchemaError) return { ok: false, error: e };
    // Deep recursion on hostile input ends here too.
    return { ok: false, error: new SchemaError('$', e instanceof Error ? e.message : 'invalid') };
  }
}
