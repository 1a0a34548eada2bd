/**
 * Writes what `public/collect-hnsviz.ps1` writes for one node of a built-in scenario: the
 * header, `Get-HnsNetwork` / `Get-HnsEndpoint` / `Get-HnsPolicyList` as Windows PowerShell 5.1
 * `ConvertTo-Json -Depth 10` lays them out (`":  `, 4-space indents, CRLF written by the
 * caller), `route print` and `ipconfig /all`. The fixtures beside this file are its output
 * (`generate.ts`), so the two nodes' files always agree with each other and with the scenario.
 *
 * vfpctrl and hnsdiag sections say the tools were not found (as the collector does): hnsviz
 * reads allow/block/paroute rules from vfpctrl text but not the NAT/encap/LB rule data, so a
 * dump with every layer listed would trace worse than one whose rules are derived from the
 * node's own HNS policies.
 */
import type { Endpoint, EndpointPolicy, LoadBalancer, Network, Topology } from '../../model/types';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** PowerShell 5.1 ConvertTo-Json layout: `"key":  value`, 4 spaces, `[]` / `{}` when empty. */
export function ps51(v: Json, indent = ''): string {
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[\n\n' + indent + ']';
    return '[\n' + v.map((x) => inner + ps51(x, inner)).join(',\n') + '\n' + indent + ']';
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{\n\n' + indent + '}';
    return (
      '{\n' +
      keys.map((k) => `${inner}${JSON.stringify(k)}:  ${ps51(v[k]!, inner)}`).join(',\n') +
      '\n' +
      indent +
      '}'
    );
  }
  return JSON.stringify(v);
}

const dashMac = (m: string | null): string => (m ?? '').toUpperCase().replace(/:/g, '-');
const upper = (id: string): string => id.toUpperCase();
const TYPE: Record<string, string> = { l2bridge: 'L2Bridge', overlay: 'Overlay', nat: 'NAT' };

function networkJson(n: Network): Json {
  const policies: Json[] = n.policies.flatMap((p): Json[] => {
    if (p.type === 'HostRoute') return [{ Type: 'HostRoute' }];
    if (p.type === 'RemoteSubnetRoute')
      return [
        {
          DestinationPrefix: p.destinationPrefix,
          DistributedRouterMacAddress: dashMac(p.drMac).toLowerCase(),
          IsolationId: p.isolationId,
          ProviderAddress: p.providerAddress,
          Type: 'RemoteSubnetRoute',
        },
      ];
    return [];
  });
  const o: Record<string, Json> = {
    ActivityId: upper(n.id),
    AdditionalParams: {},
    CurrentEndpointCount: 0,
  };
  if (n.drMac) o['DrMacAddress'] = dashMac(n.drMac);
  Object.assign(o, {
    Extensions: [
      {
        Id: 'E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A',
        IsEnabled: false,
        Name: 'Microsoft Windows Filtering Platform',
      },
      {
        Id: 'E9B59CFA-2BE1-4B21-828F-B6FBDBDDC017',
        IsEnabled: true,
        Name: 'Microsoft Azure VFP Switch Extension',
      },
    ],
    Flags: 0,
    ID: upper(n.id),
    IPv6: false,
    ManagementIP: n.managementIp ?? '',
    Name: n.name,
    NetworkAdapterName: n.networkAdapterName ?? '',
    Policies: policies,
    State: 1,
    Subnets: n.subnets.map((s) => {
      const sub: Record<string, Json> = {
        AdditionalParams: {},
        AddressPrefix: s.addressPrefix,
        GatewayAddress: s.gatewayAddress ?? '',
        ObjectType: 5,
        Policies: s.vsid !== null ? [{ Type: 'VSID', VSID: s.vsid }] : [],
        State: 0,
      };
      return sub;
    }),
    TotalEndpoints: 0,
    Type: TYPE[n.type] ?? n.type,
    Version: 42949672963,
  });
  return o;
}

function policyJson(p: EndpointPolicy): Json[] {
  switch (p.type) {
    case 'OutBoundNAT':
      return [{ ExceptionList: [...p.exceptions], Type: 'OutBoundNAT' }];
    case 'ROUTE':
      return [{ DestinationPrefix: p.destinationPrefix, NeedEncap: p.needEncap, Type: 'ROUTE' }];
    case 'PA':
      return [{ PA: p.providerAddress, Type: 'PA' }];
    case 'L2Driver':
      return [{ Type: 'L2Driver' }];
    case 'ACL':
      return [
        {
          Action: p.action === 'allow' ? 'Allow' : 'Block',
          Direction: p.direction === 'in' ? 'In' : 'Out',
          Id: p.id,
          LocalAddresses: p.localAddresses.join(','),
          LocalPorts: p.localPorts.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(','),
          Priority: p.priority,
          Protocols: p.protocols.length > 0 ? p.protocols.join(',') : '256',
          RemoteAddresses: p.remoteAddresses.join(','),
          RemotePorts: p.remotePorts.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(','),
          RuleType: p.ruleType === 'host' ? 'Host' : 'Switch',
          Scope: 0,
          Type: 'ACL',
        },
      ];
    case 'EncapOverhead': // an endpoint field in v1 (written by endpointJson)
    case 'PortMapping':
    case 'Other':
      return [];
  }
}

function endpointJson(t: Topology, e: Endpoint): Json {
  const net = t.networks[e.networkId];
  const pod = e.podId ? t.pods[e.podId] : undefined;
  const encap = e.policies.find((p) => p.type === 'EncapOverhead');
  const o: Record<string, Json> = {
    ActivityId: upper(e.id),
    AdditionalParams: pod ? { K8S_POD_NAME: pod.name, K8S_POD_NAMESPACE: pod.namespace } : {},
  };
  if (e.dns) {
    o['DNSServerList'] = e.dns.servers.join(',');
    o['DNSSuffix'] = e.dns.search.join(',');
  }
  if (encap?.type === 'EncapOverhead') o['EncapOverhead'] = encap.overhead;
  if (e.gatewayAddress) o['GatewayAddress'] = e.gatewayAddress;
  Object.assign(o, {
    ID: e.id,
    IPAddress: e.ipAddress ?? '',
    IsRemoteEndpoint: e.isRemote,
    MacAddress: dashMac(e.macAddress),
    Name: e.name,
    Policies: e.policies.flatMap(policyJson),
    PrefixLength: e.prefixLength ?? 32,
    State: e.isRemote ? 1 : 3,
    Type: TYPE[net?.type ?? ''] ?? 'L2Bridge',
    Version: 42949672963,
    VirtualNetwork: upper(e.networkId),
    VirtualNetworkName: net?.name ?? '',
  });
  if (pod) o['SharedContainers'] = [pod.id.replace(/[^a-z0-9]/g, '').padEnd(64, '0')];
  return o;
}

function policyListJson(lb: LoadBalancer): Json {
  const elb: Record<string, Json> = {
    ExternalPort: lb.externalPort,
    ILB: lb.flags.ilb,
    InternalPort: lb.internalPort,
    IsDSR: lb.flags.dsr,
  };
  if (lb.flags.localRoutedVip) elb['LocalRoutedVIP'] = true;
  Object.assign(elb, {
    Protocol: lb.protocol,
    SourceVIP: lb.sourceVip ?? '',
    Type: 'ELB',
    VIPs: [...lb.frontendVips],
  });
  return {
    ID: upper(lb.id),
    Policies: [elb],
    References: lb.backendEndpointIds.map((id) => `/endpoints/${id}`),
  };
}

function maskOf(bits: number): string {
  const n = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function routePrint(t: Topology, nodeId: string): string[] {
  const node = t.nodes[nodeId]!;
  const ip = node.managementIp ?? '';
  const ifaceIp = (name: string): string =>
    node.hostStack.interfaces.find((i) => i.name === name)?.ips[0] ?? ip;
  const rows = node.hostStack.routes.map((r) => {
    const [net, bits] = r.prefix.split('/');
    return [net!, maskOf(Number(bits)), r.nextHop ?? 'On-link', ifaceIp(r.interface), r.nextHop ? '16' : '271'];
  });
  const fmt = (c: string[]): string =>
    `${c[0]!.padStart(17)}${c[1]!.padStart(17)}${c[2]!.padStart(17)}${c[3]!.padStart(17)}${c[4]!.padStart(7)}`;
  return [
    '===========================================================================',
    'Interface List',
    ...node.hostStack.interfaces.map(
      (i, k) => ` ${12 + k}...${(i.mac ?? '').replace(/:/g, ' ')} ......Hyper-V Virtual Ethernet Adapter #${k + 2}`,
    ),
    '  1...........................Software Loopback Interface 1',
    '===========================================================================',
    '',
    'IPv4 Route Table',
    '===========================================================================',
    'Active Routes:',
    'Network Destination        Netmask          Gateway       Interface  Metric',
    ...rows.map(fmt),
    fmt(['127.0.0.0', '255.0.0.0', 'On-link', '127.0.0.1', '331']),
    '===========================================================================',
  ];
}

function ipconfig(t: Topology, nodeId: string, hostName: string): string[] {
  const node = t.nodes[nodeId]!;
  const gw = node.hostStack.routes.find((r) => r.prefix === '0.0.0.0/0')?.nextHop ?? '';
  const out = [
    '',
    'Windows IP Configuration',
    '',
    `   Host Name . . . . . . . . . . . . : ${hostName}`,
    '   Primary Dns Suffix  . . . . . . . :',
    '   Node Type . . . . . . . . . . . . : Hybrid',
    '   IP Routing Enabled. . . . . . . . : Yes',
  ];
  node.hostStack.interfaces.forEach((i, k) => {
    const prefix = i.kind === 'management-vnic' ? 24 : 24;
    out.push(
      '',
      `Ethernet adapter ${i.name}:`,
      '',
      '   Connection-specific DNS Suffix  . :',
      `   Description . . . . . . . . . . . : Hyper-V Virtual Ethernet Adapter #${k + 2}`,
      `   Physical Address. . . . . . . . . : ${dashMac(i.mac)}`,
      '   DHCP Enabled. . . . . . . . . . . : No',
      `   IPv4 Address. . . . . . . . . . . : ${i.ips[0] ?? ''}(Preferred)`,
      `   Subnet Mask . . . . . . . . . . . : ${maskOf(prefix)}`,
      `   Default Gateway . . . . . . . . . : ${i.kind === 'management-vnic' ? gw : ''}`,
    );
  });
  return out;
}

export interface CollectorOptions {
  /** The Windows host name (`$env:COMPUTERNAME`). */
  readonly hostName: string;
  readonly at: string;
  /** Endpoint ids to leave out (a pod deleted since the scenario). */
  readonly without?: readonly string[];
}

/** The collector's text for node `nodeId` of scenario topology `t` (LF line ends). */
export function collectorText(t: Topology, nodeId: string, o: CollectorOptions): string {
  const skip = new Set(o.without ?? []);
  const nets = Object.values(t.networks).filter((n) => n.nodeId === nodeId);
  const eps = Object.values(t.endpoints).filter((e) => e.nodeId === nodeId && !skip.has(e.id));
  const lbs = Object.values(t.loadBalancers)
    .filter((l) => l.nodeId === nodeId)
    .map((l) => ({ ...l, backendEndpointIds: l.backendEndpointIds.filter((id) => !skip.has(id)) }));
  const section = (name: string, cmd: string, body: string[]): string[] => [
    '',
    `# ---- hnsviz section: ${name} ----`,
    `PS C:\\> ${cmd}`,
    ...body,
  ];
  const one = (xs: Json[]): Json => (xs.length === 1 ? xs[0]! : xs);
  const lines = [
    `# hnsviz collector 1 on ${o.hostName} at ${o.at}`,
    '# Windows 10.0.20348.0; PowerShell 5.1.20348.2652',
    '# Read-only collection for hnsviz. Contains IPs, MACs, GUIDs and names of this node.',
    ...section(
      'hns-networks',
      'Get-HnsNetwork | ConvertTo-Json -Depth 10',
      ps51(one(nets.map(networkJson))).split('\n'),
    ),
    ...section(
      'hns-endpoints',
      'Get-HnsEndpoint | ConvertTo-Json -Depth 10',
      ps51(eps.map((e) => endpointJson(t, e))).split('\n'),
    ),
    ...section(
      'hns-policylists',
      'Get-HnsPolicyList | ConvertTo-Json -Depth 10',
      ps51(lbs.map(policyListJson)).split('\n'),
    ),
    "# hnsviz: hnsdiag.exe not found",
    "# hnsviz: vfpctrl.exe not found",
    ...section('route-print', 'route print', routePrint(t, nodeId)),
    ...section('ipconfig', 'ipconfig /all', ipconfig(t, nodeId, o.hostName)),
    '',
    '# ---- hnsviz section: end ----',
  ];
  return lines.join('\n') + '\n';
}
