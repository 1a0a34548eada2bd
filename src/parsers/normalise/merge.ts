/**
 * Merge what several inputs (or several renderings in one input) say about the same object,
 * keyed by kind and id. The first value seen for a field wins; a different later value is a
 * conflict, reported as a diagnostic and kept for the lint's v1/v2 mismatch check.
 */

import type { DiagSink } from '../diagnostics';
import type { Kind, NEndpoint, NLoadBalancer, NNetwork, Normalised, Origin } from './normalise';

export interface Merged<T> {
  readonly id: string;
  readonly origins: Origin[];
  readonly data: T;
}

export interface FieldConflict {
  readonly kind: Kind;
  readonly id: string;
  readonly field: string;
  readonly first: unknown;
  readonly second: unknown;
  readonly firstOrigin: Origin;
  readonly secondOrigin: Origin;
}

export interface MergedSet {
  readonly networks: Map<string, Merged<NNetwork>>;
  readonly endpoints: Map<string, Merged<NEndpoint>>;
  readonly loadBalancers: Map<string, Merged<NLoadBalancer>>;
  readonly namespaces: Map<string, Merged<Record<string, never>>>;
  readonly conflicts: FieldConflict[];
}

export function emptyMerged(): MergedSet {
  return {
    networks: new Map(),
    endpoints: new Map(),
    loadBalancers: new Map(),
    namespaces: new Map(),
    conflicts: [],
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function into<T extends object>(
  table: Map<string, Merged<T>>,
  kind: Kind,
  n: { id: string; origin: Origin; data: T },
  out: MergedSet,
  sinkFor: (input: string) => DiagSink,
): void {
  const prev = table.get(n.id);
  if (prev === undefined) {
    // The normalised record is fresh and owned by the merge from here on.
    table.set(n.id, { id: n.id, origins: [n.origin], data: n.data });
    return;
  }
  prev.origins.push(n.origin);
  const target = prev.data as Record<string, unknown>;
  for (const [field, value] of Object.entries(n.data)) {
    if (value === undefined) continue;
    const old = target[field];
    if (old === undefined) {
      target[field] = value;
      continue;
    }
    // An empty list says less than a filled one (hnsdiag rows, depth-cut views).
    if (Array.isArray(old) && old.length === 0 && Array.isArray(value) && value.length > 0) {
      target[field] = value;
      continue;
    }
    if (Array.isArray(value) && value.length === 0) continue;
    if (same(old, value)) continue;
    const first = prev.origins[0]!;
    out.conflicts.push({
      kind,
      id: n.id,
      field,
      first: old,
      second: value,
      firstOrigin: first,
      secondOrigin: n.origin,
    });
    sinkFor(n.origin.input).add(
      'W_CONFLICT',
      n.origin.line,
      1,
      `${kind} ${n.id}: '${field}' is ${short(value)} here but ${short(old)} in ${first.input}:${first.line}`,
      {
        hint: 'the first value is kept; check whether the inputs come from the same node and time',
      },
    );
  }
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

export function mergeInto(
  out: MergedSet,
  n: Normalised,
  sinkFor: (input: string) => DiagSink,
): void {
  switch (n.kind) {
    case 'network':
      return into(out.networks, 'network', n, out, sinkFor);
    case 'endpoint':
      return into(out.endpoints, 'endpoint', n, out, sinkFor);
    case 'loadbalancer':
      return into(out.loadBalancers, 'loadbalancer', n, out, sinkFor);
    case 'namespace':
      return into(out.namespaces, 'namespace', n, out, sinkFor);
  }
}

/**
 * Objects printed without an ID (a docker "HNSNetwork Request", an author's trimmed paste) got a
 * synthetic id containing '#'. When exactly one identified object of the same kind has the
 * same name, fold the id-less one into it.
 */
export function adoptIdless(out: MergedSet, sinkFor: (input: string) => DiagSink): void {
  const fold = <T extends { name?: string }>(table: Map<string, Merged<T>>, kind: Kind): void => {
    const byName = new Map<string, Merged<T>[]>();
    for (const m of table.values()) {
      const name = m.data.name;
      if (m.id.includes('#') || name === undefined) continue;
      byName.set(name, [...(byName.get(name) ?? []), m]);
    }
    for (const m of [...table.values()]) {
      if (!m.id.includes('#') || m.data.name === undefined) continue;
      const targets = byName.get(m.data.name);
      if (targets?.length !== 1) continue;
      table.delete(m.id);
      for (const o of m.origins)
        into(table, kind, { id: targets[0]!.id, origin: o, data: m.data }, out, sinkFor);
    }
  };
  fold(out.networks, 'network');
  fold(out.endpoints, 'endpoint');
}
