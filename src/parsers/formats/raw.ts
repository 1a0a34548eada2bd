/** What the format parsers hand to the model builder: plain objects with their origin. */

import { emptyHost, type RawHost } from './host-text';

export type Rendering =
  | 'json'
  | 'json-ps51'
  | 'json-indented'
  | 'hnsdiag-json'
  | 'log-json'
  | 'escaped-json'
  | 'json-fragment'
  | 'ps-table'
  | 'ps-error'
  | 'go-struct'
  | 'format-list'
  | 'hnsdiag-table'
  | 'hnsdiag-blocks'
  | 'vfpctrl-ports'
  | 'vfpctrl-rules'
  | 'route-print'
  | 'ipconfig';

/** The object kind a command line or table section announced, used when keys are ambiguous. */
export type KindHint = 'network' | 'endpoint' | 'policylist' | 'loadbalancer' | 'namespace' | null;

export interface RawObject {
  readonly value: Record<string, unknown>;
  readonly line: number;
  readonly rendering: Rendering;
  readonly hint: KindHint;
}

export interface VfpContext {
  readonly port: string | null;
  readonly layer: string | null;
  readonly group: string | null;
}

export interface RawVfp {
  readonly kind: 'port' | 'layer' | 'group' | 'rule';
  readonly name: string;
  readonly fields: Record<string, string>;
  /** Indented lines under `Conditions:`, as `Key : value` pairs; empty for `<none>`. */
  readonly conditions: Record<string, string>;
  readonly ruleData: readonly string[];
  readonly line: number;
  readonly context: VfpContext;
}

export interface Extracted {
  readonly objects: RawObject[];
  readonly vfp: RawVfp[];
  readonly renderings: Set<Rendering>;
  /** `route print` / `ipconfig /all` sections (the collector's last two). */
  readonly host: RawHost;
}

export function emptyExtracted(): Extracted {
  return { objects: [], vfp: [], renderings: new Set(), host: emptyHost() };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Set a key as an own property, even `__proto__` (as JSON.parse does). */
export function setKey(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
