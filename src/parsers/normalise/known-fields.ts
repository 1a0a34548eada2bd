/**
 * Top-level fields hns-schema.md documents, per object kind. Anything else is reported once per
 * input (I_UNKNOWN_FIELD), so new HNS builds show up without flooding the diagnostics.
 */

import type { Kind } from './normalise';

const COMMON = [
  'ID',
  'Id',
  'Name',
  'Type',
  'Version',
  'ActivityId',
  'AdditionalParams',
  'Health',
  'Resources',
  'State',
  'SharedContainers',
  'SchemaVersion',
  'Flags',
  'Policies',
  'Owner',
  'Telemetry',
  'RunspaceId',
  'ObjectType',
  'PSComputerName',
  'PSShowComputerName',
  'IsApplied',
  'HostComputeNetwork',
  'CreateProcessingStartTime',
  'StartTime',
  'RemoveProcessingStartTime',
];

const KNOWN: Record<Kind, ReadonlySet<string>> = {
  network: new Set([
    ...COMMON,
    'NetworkAdapterName',
    'SourceMac',
    'MacPools',
    'MacPool',
    'Subnets',
    'Ipams',
    'DNSSuffix',
    'DNSServerList',
    'DNSServerCompartment',
    'ManagementIP',
    'AutomaticDNS',
    'CurrentEndpointCount',
    'TotalEndpoints',
    'MaxConcurrentEndpoints',
    'DrMacAddress',
    'LayeredOn',
    'SwitchGuid',
    'IPv6',
    'IsolateSwitch',
    'NatName',
    'GatewayMac',
    'InterfaceConstraint',
    'ExternalInterfaceConstraint',
    'Extensions',
    'Dns',
    'TotalEndpointCount',
    'ManagementIPv6',
  ]),
  endpoint: new Set([
    ...COMMON,
    'VirtualNetwork',
    'VirtualNetworkName',
    'MacAddress',
    'IPAddress',
    'PrefixLength',
    'IPv6Address',
    'IPv6PrefixLength',
    'GatewayAddress',
    'GatewayAddressV6',
    'DNSSuffix',
    'DNSServerList',
    'DNSDomain',
    'EnableInternalDNS',
    'DisableICC',
    'EnableLowMetric',
    'IsRemoteEndpoint',
    'Namespace',
    'EncapOverhead',
    'IPSubnetId',
    'InterfaceConstraint',
    'HostComputeNamespace',
    'IpConfigurations',
    'Dns',
    'Routes',
    'VirtualMachine',
    'Containers',
  ]),
  loadbalancer: new Set([
    ...COMMON,
    'References',
    'HostComputeEndpoints',
    'SourceVIP',
    'FrontendVIPs',
    'PortMappings',
    'VIPs',
  ]),
  namespace: new Set([
    ...COMMON,
    'IsDefault',
    'ResourceList',
    'CompartmentId',
    'CompartmentGuid',
    'Containers',
    'NamespaceId',
    'NamespaceGuid',
    'Endpoints',
  ]),
};

/** Count the top-level fields of `o` that hns-schema.md does not list for `kind`. */
export function countUnknownFields(
  o: Record<string, unknown>,
  kind: Kind,
  into: Map<string, number>,
): void {
  const known = KNOWN[kind];
  for (const key in o) {
    if (!known.has(key)) into.set(`${kind}.${key}`, (into.get(`${kind}.${key}`) ?? 0) + 1);
  }
}
