import { describe, expect, it } from 'vitest';
import { endpoint, endpointHns } from './normalise-endpoint';
import { endpointPolicy } from './policies';
import { getter, isHnsCased, portRanges, strList } from './values';

/** Endpoints in HNS casing with the values real dumps and depth-cut views carry. */
const ENDPOINTS: Record<string, unknown>[] = [
  {
    ID: '6B4A7F1C-0000-4000-8000-000000000001',
    Name: 'ep-strings',
    VirtualNetwork: '{1E700000-0000-4000-8000-000000000001}',
    VirtualNetworkName: ' vxlan0 ',
    Type: 'L2Bridge',
    EncapOverhead: ' 50 ',
    IPAddress: ' 10.0.0.1 ',
    PrefixLength: '24',
    MacAddress: '0e:2a:0a:00:00:01',
    GatewayAddress: 'abc',
    IsRemoteEndpoint: 'True',
    State: '3',
    DNSServerList: ['10.96.0.10', 'System.Object[]', ' '],
    DNSSuffix: 'a.local,b.local',
    Routes: [{ DestinationPrefix: '0.0.0.0/0', NextHop: '10.0.0.254' }],
    AdditionalParams: { K8S_POD_NAME: 'web-1', K8S_POD_NAMESPACE: 'prod' },
    SharedContainers: 'abc',
    Policies: [
      { Type: 'outboundnat', ExceptionList: '10.0.0.0/8, 192.168.0.0/16', VIP: '1.1.1.1' },
      {
        Type: 'SDNROUTE',
        DestinationPrefix: '10.96.0.0/12',
        NextHop: '10.0.0.1',
        NeedEncap: 'true',
      },
      { Type: 'ProviderAddress', ProviderAddress: '10.0.0.4' },
      {
        Type: 'ACL',
        ID: 'acl-up',
        Action: 'Block',
        Direction: 'Out',
        Protocol: 'TCP',
        LocalPort: '80-90, 443 ,x',
        RemotePort: 0,
        LocalAddresses: '10.0.0.0/24,10.1.0.0/24',
        RemoteAddresses: ' 1.2.3.4 ',
        Priority: '200',
        RuleType: 'Host',
      },
      { Type: 'ACL', Action: 'Pass', Protocols: '256', LocalPorts: '0080' },
      { Type: 'NAT', Protocol: 'udp', InternalPort: '53', ExternalPort: 5353, VIP: 'bad' },
      { Type: 'Weird', x: 1 },
      { NoType: 1 },
      '@{Type=PA; PA=10.0.0.9}',
    ],
  },
  {
    ID: '6b4a7f1c-0000-4000-8000-000000000002',
    Name: 'ep-v2',
    SchemaVersion: { Major: 2 },
    HostComputeNetwork: '1E700000-0000-4000-8000-000000000001',
    IpConfigurations: [{ IpAddress: '10.0.0.2', PrefixLength: 16 }],
    Dns: { ServerList: ['10.96.0.10'], Search: ['svc.cluster.local'] },
    Flags: 1,
    Routes: [
      { DestinationPrefix: '10.0.0.0/8', NextHop: '1.1.1.1' },
      { DestinationPrefix: '0.0.0.0/0', NextHop: '10.0.0.1' },
    ],
    HostComputeNamespace: 'abc',
    MacAddress: '00-15-5D-00-00-02',
    State: 'Attached',
    Policies: [
      { Type: 'OutBoundNAT', Settings: { Exceptions: ['10.0.0.0/8'], VirtualIP: '2.2.2.2' } },
      { Type: 'ACL', Settings: { Protocols: '6,17', LocalPorts: '80-90, 443', RemotePorts: '0' } },
      { Type: 'EncapOverhead', Settings: { Overhead: 50 } },
    ],
  },
  {
    ID: null,
    Id: 'x',
    Name: 'ep-null-network',
    VirtualNetwork: null,
    HostComputeNetwork: 'net-b',
    SchemaVersion: { Major: 2 },
    Flags: 0,
    State: 99,
    Policies: 'System.Object[]',
    DNSServerList: '',
    Namespace: null,
  },
  { Name: 'ep-cut', Policies: '@{Type=ACL; Action=Block}', SharedContainers: ['a'] },
];

describe('endpoints in HNS casing read directly', () => {
  it('give the same record as the case-insensitive reader, for both schemas', () => {
    for (const o of ENDPOINTS) {
      expect(isHnsCased(o)).toBe(true);
      for (const schema of [1, 2] as const) {
        const direct = endpointHns(o, schema);
        expect(JSON.stringify(direct)).toBe(JSON.stringify(endpoint(getter(o), schema)));
      }
    }
    const e = endpointHns(ENDPOINTS[0]!, 1);
    expect(e).toMatchObject({ ipAddress: '10.0.0.1', state: 'AttachedSharing', isRemote: true });
    expect(e.policies?.map((p) => p.type)).toEqual([
      'OutBoundNAT',
      'ROUTE',
      'PA',
      'ACL',
      'ACL',
      'PortMapping',
      'Other',
      'PA',
    ]);
    expect(endpointHns(ENDPOINTS[2]!, 2)).toMatchObject({ isRemote: false, state: 'State 99' });
    expect(endpointHns(ENDPOINTS[2]!, 2).networkId).toBeUndefined();
  });

  it('read policies in HNS casing as the case-insensitive reader does', () => {
    const acl = { Type: 'ACL', Id: 'a', Protocols: '6', LocalPorts: '80', RemoteAddresses: 'x' };
    const lower = { type: 'ACL', id: 'a', protocols: '6', localports: '80', remoteaddresses: 'x' };
    expect(isHnsCased(lower)).toBe(false);
    expect(endpointPolicy(acl)).toEqual(endpointPolicy(lower));
    expect(endpointPolicy(acl)).toMatchObject({
      protocols: [6],
      localPorts: [{ from: 80, to: 80 }],
      remoteAddresses: ['x'],
    });
  });
});

describe('one-value fast paths', () => {
  it('portRanges reads single ports as the pattern does', () => {
    expect(portRanges('80')).toEqual([{ from: 80, to: 80 }]);
    expect(portRanges(' 0080 ')).toEqual([{ from: 80, to: 80 }]);
    expect(portRanges('0')).toEqual([]);
    expect(portRanges('80-90,0,x,7')).toEqual([
      { from: 80, to: 90 },
      { from: 7, to: 7 },
    ]);
  });

  it('reads a port or protocol written as a JSON number as that value, not as "any"', () => {
    expect(portRanges(443)).toEqual([{ from: 443, to: 443 }]);
    expect(portRanges(0)).toEqual([]);
    const o = {
      ID: 'e',
      IPAddress: '10.0.0.9',
      Policies: [{ Type: 'ACL', Id: 'n', Action: 'Block', Protocols: 6, LocalPorts: 443 }],
    };
    const expected = { protocols: [6], localPorts: [{ from: 443, to: 443 }] };
    expect(endpointPolicy(o.Policies[0]!)).toMatchObject(expected);
    expect(endpointHns(o, 1).policies?.[0]).toMatchObject(expected);
    expect(endpoint(getter(o), 1).policies?.[0]).toMatchObject(expected);
  });

  it('strList reads a value without commas as list + str do', () => {
    expect(strList(' 10.96.0.10 ')).toEqual(['10.96.0.10']);
    expect(strList('   ')).toEqual([]);
    expect(strList('System.Object[]')).toBeUndefined();
    expect(strList('@{Type=PA}')).toEqual([]);
    expect(strList('a, b')).toEqual(['a', 'b']);
  });

  it('strList of an array: a fresh array of the trimmed strings, whatever comes first', () => {
    const ellipsis = '\u2026truncated';
    const clean = ['10.96.0.1', '10.96.0.2'];
    const out = strList(clean);
    expect(out).toEqual(clean);
    expect(out).not.toBe(clean);
    out!.push('x');
    expect(clean).toHaveLength(2);
    expect(strList([])).toEqual([]);
    // Anything to drop or trim, first, in the middle or last, after a clean run.
    for (const mixed of [
      [' a', 'b', 7, ellipsis, '', 'System.Object[]', null, { x: 1 }, 'c '],
      ['a', 'b', ellipsis, 'c'],
      ['a', 'b', 'c', 12],
      [ellipsis],
      ['a', ' ', 'b'],
    ])
      expect(strList(mixed)).toEqual(
        mixed.flatMap((x) =>
          typeof x === 'number'
            ? [String(x)]
            : typeof x === 'string' && x !== ellipsis && x.trim() !== '' && !x.startsWith('System.')
              ? [x.trim()]
              : [],
        ),
      );
  });
});
