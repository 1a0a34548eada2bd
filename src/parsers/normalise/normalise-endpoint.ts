/** HNS endpoints (v1 `Get-HnsEndpoint`, v2 HostComputeEndpoint) → one normalised record. */

import type { EndpointPolicy, NetworkType } from '../../model/types';
import { isRecord } from '../formats/raw';
import { endpointPolicies } from './policies';
import {
  bool,
  ip,
  mac,
  networkType,
  normId,
  num,
  records,
  setIf,
  str,
  strList,
  type Get,
} from './values';

export interface NEndpoint {
  name?: string;
  networkId?: string;
  networkName?: string;
  networkType?: NetworkType;
  /** 50 on VXLAN overlays (hns-schema.md §4): tells a stub network's type. */
  encapOverhead?: number;
  ipAddress?: string;
  prefixLength?: number;
  macAddress?: string;
  gatewayAddress?: string;
  isRemote?: boolean;
  dnsServers?: string[];
  dnsSearch?: string[];
  policies?: EndpointPolicy[];
  state?: string;
  podName?: string;
  podNamespace?: string;
  sandbox?: boolean;
}

const STATES = [
  'Uninitialized',
  'Created',
  'Attached',
  'AttachedSharing',
  'Detached',
  'Degraded',
  'Destroyed',
];

function stateOf(v: unknown): string | undefined {
  const st = num(v);
  return st !== undefined ? (STATES[st] ?? `State ${st}`) : str(v);
}

/** The gateway: `GatewayAddress`, else the next hop of the first default route (v2). */
function gatewayOf(address: unknown, routes: unknown): string | undefined {
  let gw = ip(address);
  if (routes === undefined) return gw;
  for (const r of records(routes))
    if (str(r['DestinationPrefix']) === '0.0.0.0/0') gw ??= ip(r['NextHop']);
  return gw;
}

export function endpoint(g: Get, schema: 1 | 2): NEndpoint {
  const e: NEndpoint = {};
  setIf(e, 'name', str(g('Name')));
  setIf(e, 'networkId', normId(g('VirtualNetwork', 'HostComputeNetwork')) ?? undefined);
  setIf(e, 'networkName', str(g('VirtualNetworkName')));
  setIf(e, 'networkType', networkType(g('Type')));
  setIf(e, 'encapOverhead', num(g('EncapOverhead')));
  const cfg = records(g('IpConfigurations'))[0];
  setIf(e, 'ipAddress', ip(g('IPAddress')) ?? (cfg ? ip(cfg['IpAddress']) : undefined));
  setIf(e, 'prefixLength', num(g('PrefixLength')) ?? (cfg ? num(cfg['PrefixLength']) : undefined));
  setIf(e, 'macAddress', mac(g('MacAddress')));
  setIf(e, 'gatewayAddress', gatewayOf(g('GatewayAddress'), g('Routes')));
  const flags = num(g('Flags'));
  setIf(
    e,
    'isRemote',
    bool(g('IsRemoteEndpoint')) ??
      (schema === 2 && flags !== undefined ? (flags & 1) === 1 : undefined),
  );
  const dns = g('Dns');
  setIf(
    e,
    'dnsServers',
    strList(g('DNSServerList')) ?? (isRecord(dns) ? strList(dns['ServerList']) : undefined),
  );
  setIf(
    e,
    'dnsSearch',
    strList(g('DNSSuffix')) ?? (isRecord(dns) ? strList(dns['Search']) : undefined),
  );
  setIf(e, 'policies', endpointPolicies(g('Policies')));
  setIf(e, 'state', stateOf(g('State')));
  const ap = g('AdditionalParams');
  if (isRecord(ap)) {
    setIf(e, 'podName', str(ap['pod-name']) ?? str(ap['K8S_POD_NAME']));
    setIf(e, 'podNamespace', str(ap['pod-namespace']) ?? str(ap['K8S_POD_NAMESPACE']));
  }
  const shared = strList(g('SharedContainers'));
  if (
    (shared !== undefined && shared.length > 0) ||
    g('Namespace') !== undefined ||
    g('HostComputeNamespace') !== undefined
  )
    e.sandbox = true;
  return e;
}

/**
 * `endpoint(getter(o), schema)` for an object in HNS's own casing (`isHnsCased`: no
 * case-insensitive fallback), the bulk of big dumps: fields are read directly (no closure) into
 * one fixed shape, in the same order; unknown fields stay undefined, which the merge and the
 * builder treat as absent. The same values.
 */
export function endpointHns(o: Record<string, unknown>, schema: 1 | 2): NEndpoint {
  // `getter(o)('VirtualNetwork', 'HostComputeNetwork')`: the first name when it is there at all.
  let net = o['VirtualNetwork'];
  if (net === undefined && !('VirtualNetwork' in o)) net = o['HostComputeNetwork'];
  const cfgs = o['IpConfigurations'];
  const cfg = cfgs === undefined ? undefined : records(cfgs)[0];
  const flags = num(o['Flags']);
  const dns = o['Dns'];
  const dnsRecord = isRecord(dns) ? dns : undefined;
  const ap = o['AdditionalParams'];
  const pod = isRecord(ap) ? ap : undefined;
  const shared = strList(o['SharedContainers']);
  return {
    name: str(o['Name']),
    networkId: normId(net) ?? undefined,
    networkName: str(o['VirtualNetworkName']),
    networkType: networkType(o['Type']),
    encapOverhead: num(o['EncapOverhead']),
    ipAddress: ip(o['IPAddress']) ?? (cfg ? ip(cfg['IpAddress']) : undefined),
    prefixLength: num(o['PrefixLength']) ?? (cfg ? num(cfg['PrefixLength']) : undefined),
    macAddress: mac(o['MacAddress']),
    gatewayAddress: gatewayOf(o['GatewayAddress'], o['Routes']),
    isRemote:
      bool(o['IsRemoteEndpoint']) ??
      (schema === 2 && flags !== undefined ? (flags & 1) === 1 : undefined),
    dnsServers:
      strList(o['DNSServerList']) ?? (dnsRecord ? strList(dnsRecord['ServerList']) : undefined),
    dnsSearch: strList(o['DNSSuffix']) ?? (dnsRecord ? strList(dnsRecord['Search']) : undefined),
    policies: endpointPolicies(o['Policies']),
    state: stateOf(o['State']),
    podName: pod ? (str(pod['pod-name']) ?? str(pod['K8S_POD_NAME'])) : undefined,
    podNamespace: pod ? (str(pod['pod-namespace']) ?? str(pod['K8S_POD_NAMESPACE'])) : undefined,
    sandbox:
      (shared !== undefined && shared.length > 0) ||
      o['Namespace'] !== undefined ||
      o['HostComputeNamespace'] !== undefined
        ? true
        : undefined,
  };
}
