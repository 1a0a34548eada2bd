/** HNS policies (v1 flat, v2 `{Type, Settings}`) folded into the model's unions. */

import type { AclAction, EndpointPolicy, NetworkPolicy } from '../../model/types';
import { isRecord } from '../formats/raw';
import {
  bool,
  getter,
  ip,
  isHnsCased,
  list,
  mac,
  num,
  portRanges,
  prefix,
  protocol,
  records,
  str,
  strList,
} from './values';

function flat(p: Record<string, unknown>): Record<string, unknown> {
  const s = p['Settings'] ?? p['settings'];
  return isRecord(s) ? { ...s, Type: p['Type'] ?? p['type'] } : p;
}

function protocols(v: unknown): number[] {
  const out: number[] = [];
  for (const x of list(v) ?? []) {
    const n = protocol(x);
    if (n !== undefined && n !== 256) out.push(n);
  }
  return out;
}

/** The model's ACL from the raw field values (shared by the two readers below). */
function acl(
  hnsType: string,
  id: unknown,
  actionV: unknown,
  dirV: unknown,
  priority: unknown,
  protocolsV: unknown,
  localAddresses: unknown,
  remoteAddresses: unknown,
  localPorts: unknown,
  remotePorts: unknown,
  ruleType: unknown,
): EndpointPolicy {
  const action = (str(actionV)?.toLowerCase() ?? 'allow') as AclAction;
  const dir = str(dirV)?.toLowerCase();
  return {
    type: 'ACL',
    hnsType,
    id: str(id) ?? '',
    action: action === 'block' || action === 'pass' ? action : 'allow',
    direction: dir === 'out' ? 'out' : 'in',
    priority: num(priority) ?? 0,
    protocols: protocols(protocolsV),
    localAddresses: strList(localAddresses) ?? [],
    remoteAddresses: strList(remoteAddresses) ?? [],
    localPorts: portRanges(localPorts),
    remotePorts: portRanges(remotePorts),
    ruleType: str(ruleType)?.toLowerCase() === 'host' ? 'host' : 'switch',
  };
}

export function endpointPolicy(raw: Record<string, unknown>): EndpointPolicy | null {
  const p = flat(raw);
  if (isHnsCased(p)) return endpointPolicyHns(p, raw);
  const g = getter(p);
  const hnsType = str(g('Type'));
  if (hnsType === undefined) return null;
  switch (hnsType.toLowerCase()) {
    case 'outboundnat':
      return {
        type: 'OutBoundNAT',
        hnsType,
        vip: ip(g('VIP', 'VirtualIP')) ?? null,
        exceptions: strList(g('ExceptionList', 'Exceptions')) ?? [],
        destinations: strList(g('Destinations')) ?? [],
      };
    case 'route':
    case 'sdnroute':
      return {
        type: 'ROUTE',
        hnsType,
        destinationPrefix: str(g('DestinationPrefix')) ?? '',
        nextHop: ip(g('NextHop')) ?? null,
        needEncap: bool(g('NeedEncap')) ?? false,
      };
    case 'pa':
    case 'provideraddress':
      return { type: 'PA', hnsType, providerAddress: str(g('PA', 'ProviderAddress')) ?? '' };
    case 'acl':
      return acl(
        hnsType,
        g('Id', 'ID'),
        g('Action'),
        g('Direction'),
        g('Priority'),
        g('Protocols', 'Protocol'),
        g('LocalAddresses'),
        g('RemoteAddresses'),
        g('LocalPorts', 'LocalPort'),
        g('RemotePorts', 'RemotePort'),
        g('RuleType'),
      );
    case 'nat':
    case 'portmapping':
      return {
        type: 'PortMapping',
        hnsType,
        protocol: protocol(g('Protocol')) ?? 6,
        internalPort: num(g('InternalPort')) ?? 0,
        externalPort: num(g('ExternalPort')) ?? 0,
        vip: ip(g('VIP')) ?? null,
      };
    case 'l2driver':
      return { type: 'L2Driver', hnsType };
    case 'encapoverhead':
      return { type: 'EncapOverhead', hnsType, overhead: num(g('Overhead')) ?? 0 };
    default:
      return { type: 'Other', hnsType, raw };
  }
}

/** `getter(o)(a, b)` for an object in HNS casing: `a` when it is there at all, else `b`. */
function either(o: Record<string, unknown>, a: string, b: string): unknown {
  const v = o[a];
  return v !== undefined || a in o ? v : o[b];
}

/**
 * `endpointPolicy` of a (flattened) policy in HNS casing, the bulk of big dumps: the same
 * values, with fields read by name instead of through a `getter` closure.
 */
function endpointPolicyHns(
  p: Record<string, unknown>,
  raw: Record<string, unknown>,
): EndpointPolicy | null {
  const hnsType = str(p['Type']);
  if (hnsType === undefined) return null;
  switch (hnsType.toLowerCase()) {
    case 'outboundnat':
      return {
        type: 'OutBoundNAT',
        hnsType,
        vip: ip(either(p, 'VIP', 'VirtualIP')) ?? null,
        exceptions: strList(either(p, 'ExceptionList', 'Exceptions')) ?? [],
        destinations: strList(p['Destinations']) ?? [],
      };
    case 'route':
    case 'sdnroute':
      return {
        type: 'ROUTE',
        hnsType,
        destinationPrefix: str(p['DestinationPrefix']) ?? '',
        nextHop: ip(p['NextHop']) ?? null,
        needEncap: bool(p['NeedEncap']) ?? false,
      };
    case 'pa':
    case 'provideraddress':
      return {
        type: 'PA',
        hnsType,
        providerAddress: str(either(p, 'PA', 'ProviderAddress')) ?? '',
      };
    case 'acl':
      return acl(
        hnsType,
        either(p, 'Id', 'ID'),
        p['Action'],
        p['Direction'],
        p['Priority'],
        either(p, 'Protocols', 'Protocol'),
        p['LocalAddresses'],
        p['RemoteAddresses'],
        either(p, 'LocalPorts', 'LocalPort'),
        either(p, 'RemotePorts', 'RemotePort'),
        p['RuleType'],
      );
    case 'nat':
    case 'portmapping':
      return {
        type: 'PortMapping',
        hnsType,
        protocol: protocol(p['Protocol']) ?? 6,
        internalPort: num(p['InternalPort']) ?? 0,
        externalPort: num(p['ExternalPort']) ?? 0,
        vip: ip(p['VIP']) ?? null,
      };
    case 'l2driver':
      return { type: 'L2Driver', hnsType };
    case 'encapoverhead':
      return { type: 'EncapOverhead', hnsType, overhead: num(p['Overhead']) ?? 0 };
    default:
      return { type: 'Other', hnsType, raw };
  }
}

export interface NetworkPolicyExtras {
  adapter?: string;
  drMac?: string;
  sourceMac?: string;
}

export function networkPolicy(
  raw: Record<string, unknown>,
  extras: NetworkPolicyExtras,
): NetworkPolicy | null {
  const p = flat(raw);
  const g = getter(p);
  const name = str(g('Type'));
  if (name === undefined) return null;
  switch (name.toLowerCase()) {
    case 'remotesubnetroute':
      return {
        type: 'RemoteSubnetRoute',
        destinationPrefix: prefix(g('DestinationPrefix')) ?? str(g('DestinationPrefix')) ?? '',
        isolationId: num(g('IsolationId', 'VSID')) ?? 0,
        providerAddress: str(g('ProviderAddress', 'PA')) ?? '',
        drMac: mac(g('DistributedRouterMacAddress')) ?? null,
      };
    case 'hostroute':
      return { type: 'HostRoute' };
    case 'vxlanport':
      return { type: 'VxlanPort', port: num(g('Port')) ?? 4789 };
    case 'netadaptername':
      extras.adapter = str(g('NetworkAdapterName')) ?? extras.adapter;
      return { type: 'Other', name, raw };
    case 'drmacaddress':
      extras.drMac = mac(g('Address')) ?? extras.drMac;
      return { type: 'Other', name, raw };
    case 'sourcemacaddress':
      extras.sourceMac = mac(g('SourceMacAddress', 'Address')) ?? extras.sourceMac;
      return { type: 'Other', name, raw };
    default:
      return { type: 'Other', name, raw };
  }
}

export function endpointPolicies(v: unknown): EndpointPolicy[] | undefined {
  if (v === undefined || (typeof v === 'string' && list(v) === undefined)) return undefined;
  return records(v)
    .map(endpointPolicy)
    .filter((p): p is EndpointPolicy => p !== null);
}
