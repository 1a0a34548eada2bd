/** What the format parsers hand to the model builder: plain objects with their origin. */

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

// The host's own view of its network (read by host-text.ts).

export type HostCommand = 'route-print' | 'ipconfig';

export interface RawHostInterface {
  /** `vEthernet (Ethernet)`, `Ethernet 2`, … (the adapter part of the heading). */
  readonly name: string;
  readonly description: string | null;
  readonly mac: string | null;
  readonly ips: string[];
  readonly masks: string[];
  readonly gateways: string[];
  readonly line: number;
}

export interface RawHostRoute {
  readonly prefix: string;
  /** Null when on-link. */
  readonly nextHop: string | null;
  /** The interface column: the address of the interface the route leaves by. */
  readonly interfaceIp: string;
  readonly metric: number;
  readonly line: number;
}

export interface RawHost {
  hostName: string | null;
  readonly interfaces: RawHostInterface[];
  readonly routes: RawHostRoute[];
}

export function emptyHost(): RawHost {
  return { hostName: null, interfaces: [], routes: [] };
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
