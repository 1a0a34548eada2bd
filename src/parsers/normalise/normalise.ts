/**
 * Raw objects → one normalised record per HNS object, v1 and v2 names folded (hns-schema.md §9).
 * Every field is optional so that what several inputs say about one object can be merged.
 */

import type { NetworkPolicy, NetworkType, Subnet } from '../../model/types';
import type { DiagSink } from '../diagnostics';
import { networkPolicy, type NetworkPolicyExtras } from './policies';
import { endpoint, endpointHns, type NEndpoint } from './normalise-endpoint';
import { IdMemo, loadBalancer, loadBalancerHns, type NLoadBalancer } from './normalise-lb';
import { isRecord, type KindHint, type RawObject, type Rendering } from '../formats/raw';
import {
  setIf,
  bool,
  getter,
  ip,
  isHnsCased,
  mac,
  networkType,
  normId,
  num,
  prefix,
  records,
  str,
  type Get,
} from './values';

export type { NLoadBalancer } from './normalise-lb';
export type { NEndpoint } from './normalise-endpoint';
export { IdMemo } from './normalise-lb';

export interface Origin {
  readonly input: string;
  readonly line: number;
  readonly rendering: Rendering;
  readonly schema: 1 | 2;
}

export interface NNetwork {
  name?: string;
  type?: NetworkType;
  subnets?: Subnet[];
  managementIp?: string;
  adapter?: string;
  drMac?: string;
  dnsSuffix?: string;
  policies?: NetworkPolicy[];
  extensions?: string[];
}

export type Kind = 'network' | 'endpoint' | 'loadbalancer' | 'namespace';

export type Normalised =
  | { kind: 'network'; id: string; origin: Origin; data: NNetwork }
  | { kind: 'endpoint'; id: string; origin: Origin; data: NEndpoint }
  | { kind: 'loadbalancer'; id: string; origin: Origin; data: NLoadBalancer }
  | { kind: 'namespace'; id: string; origin: Origin; data: Record<string, never> };

function has(g: Get, ...names: string[]): boolean {
  for (const n of names) if (g(n) !== undefined) return true;
  return false;
}

export function classify(o: Record<string, unknown>, hint: KindHint): Kind | null {
  // Fast answers for v1 objects with HNS casing (the bulk of big dumps).
  if ('References' in o) return 'loadbalancer';
  if ('VirtualNetwork' in o || 'IsRemoteEndpoint' in o) return 'endpoint';
  const g = getter(o);
  if (has(g, 'HostComputeEndpoints', 'FrontendVIPs', 'PortMappings')) return 'loadbalancer';
  if (
    has(g, 'References') ||
    records(g('Policies')).some((p) => str(p['Type'])?.toUpperCase() === 'ELB')
  )
    return 'loadbalancer';
  if (has(g, 'HostComputeNamespace', 'IpConfigurations')) return 'endpoint';
  if (
    has(
      g,
      'VirtualNetwork',
      'VirtualNetworkName',
      'IPAddress',
      'IsRemoteEndpoint',
      'MacAddress',
      'EncapOverhead',
    )
  )
    return 'endpoint';
  if (
    has(
      g,
      'Subnets',
      'Ipams',
      'MacPools',
      'MacPool',
      'ManagementIP',
      'NetworkAdapterName',
      'DrMacAddress',
      'NatName',
    )
  )
    return 'network';
  if (has(g, 'CompartmentId', 'NamespaceId', 'ResourceList', 'IsDefault')) return 'namespace';
  if (hint === 'policylist') return 'loadbalancer';
  return hint;
}

function schemaOf(g: Get): 1 | 2 {
  const sv = g('SchemaVersion');
  if (isRecord(sv) && num(sv['Major']) === 2) return 2;
  // Not HostComputeNetwork: WS2022's v1 view of a load balancer carries it too.
  return has(
    g,
    'HostComputeEndpoints',
    'Ipams',
    'IpConfigurations',
    'FrontendVIPs',
    'HostComputeNamespace',
  )
    ? 2
    : 1;
}

/**
 * `schemaOf(getter(o))` for an object in HNS casing: `getter(o)(x)` is `o[x]` then (no
 * case-insensitive fallback), so the fields are read directly.
 */
function schemaOfHns(o: Record<string, unknown>): 1 | 2 {
  const sv = o['SchemaVersion'];
  if (isRecord(sv) && num(sv['Major']) === 2) return 2;
  return o['HostComputeEndpoints'] !== undefined ||
    o['Ipams'] !== undefined ||
    o['IpConfigurations'] !== undefined ||
    o['FrontendVIPs'] !== undefined ||
    o['HostComputeNamespace'] !== undefined
    ? 2
    : 1;
}

/** `getter(o)('ID', 'Id')` for an object in HNS casing. */
function idOfHns(o: Record<string, unknown>): unknown {
  const v = o['ID'];
  return v !== undefined || 'ID' in o ? v : o['Id'];
}

function network(g: Get): NNetwork {
  const extras: NetworkPolicyExtras = {};
  const rawPolicies = g('Policies');
  const policies =
    rawPolicies === undefined || (typeof rawPolicies === 'string' && !rawPolicies.startsWith('@{'))
      ? undefined
      : records(rawPolicies)
          .map((p) => networkPolicy(p, extras))
          .filter((p): p is NetworkPolicy => p !== null);
  const subnets: Subnet[] = [];
  for (const s of records(g('Subnets'))) subnets.push(subnet(getter(s)));
  for (const ipam of records(g('Ipams')))
    for (const s of records(ipam['Subnets'])) subnets.push(subnet(getter(s)));
  const dns = g('Dns');
  const dnsSuffix = str(g('DNSSuffix')) ?? (isRecord(dns) ? str(dns['Domain']) : undefined);
  const n: NNetwork = {};
  setIf(n, 'name', str(g('Name')));
  setIf(n, 'type', networkType(g('Type')));
  if (has(g, 'Subnets', 'Ipams') && typeof g('Subnets') !== 'string') n.subnets = subnets;
  setIf(n, 'managementIp', ip(g('ManagementIP', 'ManagementIp')));
  setIf(n, 'adapter', str(g('NetworkAdapterName')) ?? extras.adapter);
  setIf(n, 'drMac', mac(g('DrMacAddress')) ?? extras.drMac);
  setIf(n, 'dnsSuffix', dnsSuffix);
  setIf(n, 'policies', policies);
  const ext = records(g('Extensions'))
    .filter((e) => bool(e['IsEnabled']) === true)
    .map((e) => str(e['Name']) ?? str(e['Id']) ?? '')
    .filter((s) => s !== '');
  if (has(g, 'Extensions')) n.extensions = ext;
  return n;
}

function subnet(g: Get): Subnet {
  let gateway = ip(g('GatewayAddress'));
  for (const r of records(g('Routes'))) {
    if (str(r['DestinationPrefix']) === '0.0.0.0/0') gateway ??= ip(r['NextHop']);
  }
  let vsid: number | null = null;
  for (const p of records(g('Policies'))) {
    const s = isRecord(p['Settings']) ? p['Settings'] : p;
    const t = str(p['Type'])?.toUpperCase();
    if (t === 'VSID') vsid = num(s['IsolationId']) ?? num(s['VSID']) ?? vsid;
  }
  return {
    addressPrefix: prefix(g('AddressPrefix', 'IpAddressPrefix')) ?? '',
    gatewayAddress: gateway ?? null,
    vsid,
  };
}

export function normalise(
  raw: RawObject,
  input: string,
  sink: DiagSink,
  seq: () => number,
  memo: IdMemo = new IdMemo(),
): Normalised | null {
  const o = raw.value;
  const kind = classify(o, raw.hint);
  // Load balancers and endpoints in HNS casing (the bulk of a big dump) are read without the
  // getter closure.
  const g = (kind === 'loadbalancer' || kind === 'endpoint') && isHnsCased(o) ? null : getter(o);
  if (kind === null) {
    sink.add(
      'W_UNKNOWN_OBJECT',
      raw.line,
      1,
      `an object with fields ${Object.keys(raw.value).slice(0, 6).join(', ')} is not an HNS network, endpoint, load balancer or namespace`,
    );
    return null;
  }
  let id = normId(g === null ? idOfHns(o) : g('ID', 'Id'));
  if (id === null) {
    sink.add(
      'W_MISSING_ID',
      raw.line,
      1,
      `${kind} without an ID; merged by name when one object has the same name`,
    );
    id = `${kind}-${input}:${raw.line}#${seq()}`;
  }
  const schema = g === null ? schemaOfHns(o) : schemaOf(g);
  const origin: Origin = { input, line: raw.line, rendering: raw.rendering, schema };
  switch (kind) {
    case 'network':
      return { kind, id, origin, data: network(g ?? getter(o)) };
    case 'endpoint':
      return { kind, id, origin, data: g === null ? endpointHns(o, schema) : endpoint(g, schema) };
    case 'loadbalancer':
      return { kind, id, origin, data: g === null ? loadBalancerHns(o, memo) : loadBalancer(g) };
    case 'namespace':
      return { kind, id, origin, data: {} };
  }
}
