/** Renderings the visible corpus does not cover, written after hns-schema.md. */
import { describe, expect, it } from 'vitest';
import { parseInputs } from './index';

const parse = (text: string, name = 'paste') => parseInputs([{ name, text }]);

const DF = `{
    "ActivityId":"0C1D5E27-5D8B-4A3A-9A0C-1F2E3D4C5B6A",
    "Flags":9,
    "ID":"A1B2C3D4-0000-4000-8000-000000000001",
    "Name":"WSL",
    "Subnets":[
        {
            "AddressPrefix":"172.20.0.0/20",
            "GatewayAddress":"172.20.0.1"
        }
    ],
    "Type":"ICS"
}
{
    "ID":"A1B2C3D4-0000-4000-8000-000000000002",
    "IPAddress":"172.20.0.5",
    "MacAddress":"00-15-5D-01-02-03",
    "Name":"Ethernet",
    "State":2,
    "VirtualNetwork":"A1B2C3D4-0000-4000-8000-000000000001"
}
`;

describe('renderings', () => {
  it('reads hnsdiag -df objects concatenated without commas', () => {
    const r = parse(DF);
    expect(r.inputs[0]?.format).toBe('hnsdiag-json');
    const net = r.topology.networks['a1b2c3d4-0000-4000-8000-000000000001']!;
    expect([net.type, net.subnets[0]?.gatewayAddress]).toEqual(['ics', '172.20.0.1']);
    const ep = r.topology.endpoints['a1b2c3d4-0000-4000-8000-000000000002']!;
    expect([ep.networkId, ep.macAddress, ep.state]).toEqual([
      net.id,
      '00:15:5d:01:02:03',
      'Attached',
    ]);
  });

  it('reads PowerShell 7 ConvertTo-Json arrays and HCN v2 objects', () => {
    const v2 = `[
  {
    "ID": "B1000000-0000-4000-8000-000000000001",
    "Name": "cbr0",
    "Type": "L2Bridge",
    "Ipams": [ { "Type": "Static", "Subnets": [ { "IpAddressPrefix": "10.244.1.0/24", "Routes": [ { "NextHop": "10.244.1.1", "DestinationPrefix": "0.0.0.0/0" } ] } ] } ],
    "Policies": [ { "Type": "NetAdapterName", "Settings": { "NetworkAdapterName": "Ethernet 2" } } ],
    "SchemaVersion": { "Major": 2, "Minor": 0 }
  },
  {
    "ID": "B1000000-0000-4000-8000-000000000002",
    "Name": "pod1",
    "HostComputeNetwork": "b1000000-0000-4000-8000-000000000001",
    "HostComputeNamespace": "B1000000-0000-4000-8000-0000000000ff",
    "IpConfigurations": [ { "IpAddress": "10.244.1.12", "PrefixLength": 24 } ],
    "MacAddress": "00-15-5D-AA-BB-CC",
    "Flags": 0,
    "Policies": [
      { "Type": "OutBoundNAT", "Settings": { "Exceptions": ["10.244.0.0/16", "10.96.0.0/12"] } },
      { "Type": "SDNRoute", "Settings": { "DestinationPrefix": "10.96.0.0/12", "NeedEncap": true } },
      { "Type": "PortMapping", "Settings": { "Protocol": 6, "InternalPort": 80, "ExternalPort": 8080 } }
    ],
    "SchemaVersion": { "Major": 2, "Minor": 0 }
  }
]`;
    const r = parse(v2);
    expect(r.inputs[0]?.format).toBe('json-indented');
    const net = r.topology.networks['b1000000-0000-4000-8000-000000000001']!;
    expect([net.type, net.networkAdapterName, net.subnets[0]?.gatewayAddress]).toEqual([
      'l2bridge',
      'Ethernet 2',
      '10.244.1.1',
    ]);
    const ep = r.topology.endpoints['b1000000-0000-4000-8000-000000000002']!;
    expect(ep.ipAddress).toBe('10.244.1.12');
    expect(ep.policies.map((p) => `${p.type}/${p.hnsType}`)).toEqual([
      'OutBoundNAT/OutBoundNAT',
      'ROUTE/SDNRoute',
      'PortMapping/PortMapping',
    ]);
    const nat = ep.policies[0]!;
    expect(nat.type === 'OutBoundNAT' && nat.exceptions).toEqual(['10.244.0.0/16', '10.96.0.0/12']);
  });

  it('keeps depth-cut ConvertTo-Json values as strings and says so', () => {
    const text = `{
    "ID":  "C1000000-0000-4000-8000-000000000001",
    "References":  [ "/endpoints/c1000000-0000-4000-8000-000000000002" ],
    "Policies":  [ "@{ExternalPort=80; InternalPort=8080; Protocol=6; Type=ELB; VIPs=System.Object[]}" ],
    "Resources":  "System.Collections.Hashtable"
}`;
    const r = parse(text);
    const lb = r.topology.loadBalancers['c1000000-0000-4000-8000-000000000001']!;
    expect([lb.protocol, lb.externalPort, lb.internalPort]).toEqual([6, 80, 8080]);
    expect(lb.backendEndpointIds).toEqual(['c1000000-0000-4000-8000-000000000002']);
    expect(
      r.diagnostics.some((d) => d.code === 'W_DEPTH_TRUNCATED' && d.hint?.includes('-Depth')),
    ).toBe(true);
  });

  it('reads compact JSON in kube-proxy, flanneld and dockerd log lines', () => {
    const text = [
      'I0601 10:00:00.000000    4242 hns.go:200] Hns Endpoint resource, {"ID":"D1000000-0000-4000-8000-000000000001","Name":"Ethernet","IPAddress":"10.244.2.5","IsRemoteEndpoint":true,"MacAddress":"00-11-22-33-44-55","VirtualNetworkName":"vxlan0","Policies":[{"Type":"PA","PA":"10.0.0.5"}]}',
      'time="2021-01-01T00:00:00Z" level=debug msg="Network Response : [{\\"ID\\":\\"D1000000-0000-4000-8000-000000000002\\",\\"Name\\":\\"nat\\",\\"Type\\":\\"nat\\",\\"Subnets\\":[{\\"AddressPrefix\\":\\"172.16.0.0/24\\"}]}]"',
      'E0601 10:00:01.000000 1 main.go:1] something unrelated',
    ].join('\n');
    const r = parse(text);
    expect(Object.keys(r.topology.endpoints)).toEqual(['d1000000-0000-4000-8000-000000000001']);
    expect(r.topology.endpoints['d1000000-0000-4000-8000-000000000001']?.isRemote).toBe(true);
    expect(r.topology.networks['d1000000-0000-4000-8000-000000000002']?.type).toBe('nat');
    expect(r.inputs[0]?.format).toBe('log-json+escaped-json');
  });

  it('reads Go %+v struct printouts, including json.RawMessage policies', () => {
    const policy = [...'{"Type":"VLAN","VLAN":1}'].map((c) => c.charCodeAt(0)).join(' ');
    const text = `I0101 flannel.go:1] network: &{Id:E1000000-0000-4000-8000-000000000001 Name:cbr0 Type:l2bridge NetworkAdapterName:Ethernet SourceMac: Policies:[[${policy}]] MacPools:[{StartMacAddress:00-15-5D-00-00-00 EndMacAddress:00-15-5D-00-0F-FF}] Subnets:[{AddressPrefix:10.244.3.0/24 GatewayAddress:10.244.3.1 Policies:[]}] ManagementIP:192.168.1.20}`;
    const r = parse(text);
    const net = r.topology.networks['e1000000-0000-4000-8000-000000000001']!;
    expect([net.name, net.type, net.managementIp, net.subnets[0]?.addressPrefix]).toEqual([
      'cbr0',
      'l2bridge',
      '192.168.1.20',
      '10.244.3.0/24',
    ]);
    expect(net.policies.map((p) => (p.type === 'Other' ? p.name : p.type))).toEqual(['VLAN']);
  });

  it('reads a collectlogs network.txt: a table, then JSON', () => {
    const text = `Name   ID\n----   --\nvxlan0 F1000000-0000-4000-8000-000000000001\n\n[\n  {\n    "ID": "F1000000-0000-4000-8000-000000000001",\n    "Name": "vxlan0",\n    "Type": "Overlay",\n    "ManagementIP": "10.0.0.4"\n  }\n]\n`;
    const r = parse(text, 'C:\\k\\debug\\network.txt');
    expect(r.topology.networks['f1000000-0000-4000-8000-000000000001']?.managementIp).toBe(
      '10.0.0.4',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads localized list views and namespaces', () => {
    const text = `Extensions : {@{Id=E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A; IsEnabled=False; Name=Microsoft Windows-Filterplattform}}
ID         : 11111111-0000-4000-8000-000000000001
Name       : nat
Type       : NAT
Subnets    : {@{AddressPrefix=172.31.0.0/20; GatewayAddress=172.31.0.1}}

PS C:\\> Get-HnsNamespace
ID            : 11111111-0000-4000-8000-0000000000aa
IsDefault     : True
CompartmentId : 1`;
    const r = parse(text);
    expect(r.topology.networks['11111111-0000-4000-8000-000000000001']?.type).toBe('nat');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads vfpctrl /list-layer and full /list-vmswitch-port records', () => {
    const text = `PS C:\\> vfpctrl /port 22222222-0000-4000-8000-000000000001 /list-layer
 ITEM LIST
===========

LAYER : SLB_NAT_LAYER
    Friendly name : SLB_NAT_LAYER
    Flags : 0x1 stateful
    Priority : 500

LAYER : ACL_ENDPOINT_LAYER
    Friendly name : ACL_ENDPOINT_LAYER
    Priority : 1000

PS C:\\> vfpctrl /list-vmswitch-port
Port name             : 22222222-0000-4000-8000-000000000001
Port Friendly name    : 22222222-0000-4000-8000-000000000001
Switch name           : 33333333-0000-4000-8000-000000000001
PortId                : 5
MAC address           : 00-15-5D-11-22-33
`;
    const r = parse(text);
    const port = r.topology.ports['port:22222222-0000-4000-8000-000000000001']!;
    expect(port.mac).toBe('00:15:5d:11:22:33');
    expect(port.layerIds.map((l) => r.topology.layers[l]!.name)).toEqual([
      'SLB_NAT_LAYER',
      'ACL_ENDPOINT_LAYER',
    ]);
    expect(r.topology.layers[port.layerIds[0]!]!.stateful).toBe(true);
  });

  it('keeps every complete field of a paste cut off mid-object and points at the cut', () => {
    const text = `{
    "ID":  "44444444-0000-4000-8000-000000000001",
    "IPAddress":  "10.244.1.7",
    "Policies":  [
                     { "Type":  "ROUTE", "DestinationPrefix":  "10.96.0.0/12", "NeedEncap":  true },
                     { "Type":  "OutBoundNAT", "ExceptionList":  [ "10.244.0.0/16"`;
    const r = parse(text);
    const ep = r.topology.endpoints['44444444-0000-4000-8000-000000000001']!;
    expect(ep.ipAddress).toBe('10.244.1.7');
    expect(ep.policies.map((p) => p.type)).toContain('ROUTE');
    const d = r.diagnostics.find((x) => x.code === 'W_TRUNCATED')!;
    expect(d.line).toBe(6);
    expect(d.hint).toContain('ConvertTo-Json -Depth 10');
  });

  it('reports garbage with a located message and never a crash', () => {
    const r = parse('\n\nthis is not a dump at all\nnor is this');
    expect(r.diagnostics[0]?.code).toBe('E_UNKNOWN_FORMAT');
    expect(r.diagnostics[0]?.line).toBe(3);
    const bad = parse('{"ID": "x", "Name": nope }');
    expect(
      bad.diagnostics.some((d) => d.code === 'E_JSON_SYNTAX' && d.line === 1 && d.column === 21),
    ).toBe(true);
  });

  it('refuses an input over the size limit and names the limit', () => {
    const r = parseInputs([{ name: 'big.txt', text: 'x'.repeat(2048) }], { maxBytes: 1024 });
    expect(r.diagnostics[0]?.code).toBe('E_TOO_LARGE');
    expect(r.diagnostics[0]?.message).toContain('limit');
    expect(r.inputs[0]?.format).toBe('refused');
  });

  it('reports conflicting values from two inputs', () => {
    const a = '{"ID":"55555555-0000-4000-8000-000000000001","IPAddress":"10.0.0.1","Name":"e"}';
    const b =
      '{"ID":"55555555-0000-4000-8000-000000000001","IpConfigurations":[{"IpAddress":"10.0.0.2"}],"HostComputeNetwork":"n","SchemaVersion":{"Major":2,"Minor":0}}';
    const r = parseInputs([
      { name: 'a', text: a },
      { name: 'b', text: b },
    ]);
    expect(r.conflicts.map((c) => [c.field, c.firstOrigin.schema, c.secondOrigin.schema])).toEqual([
      ['ipAddress', 1, 2],
    ]);
    expect(r.diagnostics.some((d) => d.code === 'W_CONFLICT' && d.input === 'b')).toBe(true);
  });

  it('stays linear on big inputs outside the fast path (no per-string rescans)', () => {
    const lbs = Array.from({ length: 6000 }, (_, i) => ({
      ID: `99999999-0000-4000-8000-${String(i).padStart(12, '0')}`,
      References: [`/endpoints/99999999-0000-4000-8000-${String(i).padStart(12, '0')}`],
      Policies: [
        { Type: 'ELB', Protocol: 6, InternalPort: 80, ExternalPort: 80, VIPs: ['10.96.0.1'] },
      ],
      Resources: {
        Allocators: Array.from({ length: 8 }, (_, k) => ({ ID: `alloc-${k}`, Tag: 'VNET Policy' })),
      },
    }));
    const text =
      'PS C:\\> Get-HnsPolicyList | ConvertTo-Json -Depth 10\n' + JSON.stringify(lbs, null, 4);
    expect(text.length).toBeGreaterThan(4_000_000);
    // Speed is the bench's job (parseRatio); this checks every element is read.
    const r = parseInputs([{ name: 'big', text }], { deriveVfp: false });
    expect(Object.keys(r.topology.loadBalancers)).toHaveLength(6000);
  });

  it('reads the other elements of a big array when one element is damaged', () => {
    const eps = Array.from({ length: 400 }, (_, i) => ({
      ID: `88888888-0000-4000-8000-${String(i).padStart(12, '0')}`,
      IPAddress: `10.2.${i >> 8}.${i & 255}`,
      Name: 'x'.repeat(200),
      VirtualNetwork: 'n',
    }));
    const text = JSON.stringify(eps, null, 4).replace(
      '"Name": "' + 'x'.repeat(200) + '",\n        "VirtualNetwork": "n"\n    },\n    {',
      '"Name": nope,\n        "VirtualNetwork": "n"\n    },\n    {',
    );
    const r = parseInputs([{ name: 'big.json', text }], { deriveVfp: false });
    expect(Object.keys(r.topology.endpoints)).toHaveLength(400);
    expect(r.diagnostics.some((d) => d.code === 'E_JSON_SYNTAX' && d.line === 5)).toBe(true);
  });

  it('numbers the elements of a big CRLF array as in the normalised text, whatever its line ends', () => {
    const eps = Array.from({ length: 400 }, (_, i) => ({
      ID: `77777777-0000-4000-8000-${String(i).padStart(12, '0')}`,
      IPAddress: `10.3.${i >> 8}.${i & 255}`,
      Name: 'y'.repeat(200),
      Policies: [{ Type: 'PA', PA: '10.0.0.4' }],
    }));
    const lf = JSON.stringify(eps, null, 4);
    expect(lf.length).toBeGreaterThan(65536);
    const lines = (text: string): string[] => {
      const r = parseInputs([{ name: 'big.json', text }], { deriveVfp: false });
      expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      return Object.values(r.topology.endpoints).map((e) => e.provenance.id ?? '');
    };
    const want = lines(lf);
    expect(want[1]).toBe('big.json:13');
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(lines(crlf)).toEqual(want);
    // One LF without its CR: the CRLF reading gives up and the normalised text is read.
    const mixed = crlf.replace('\r\n    },\r\n    {', '\n    },\r\n    {');
    expect(mixed).not.toBe(crlf);
    expect(lines(mixed)).toEqual(want);
  });

  it('reads a big array the same whether its allocator trees are skipped or parsed', () => {
    const lbs = Array.from({ length: 300 }, (_, i) => ({
      ID: `66666666-0000-4000-8000-${String(i).padStart(12, '0')}`,
      References: [`/endpoints/66666666-0000-4000-8000-${String(i % 7).padStart(12, '0')}`],
      Resources: {
        Allocators: Array.from({ length: 4 }, (_, k) => ({ ID: `a-${k}`, Tag: 'VNET Policy' })),
      },
      // After the skipped member, so what follows it must still be read.
      Policies: [
        {
          Type: 'ELB',
          Protocol: 6,
          InternalPort: 80,
          ExternalPort: 80 + i,
          SourceVIP: `10.244.0.${i & 255}`,
          VIPs: ['10.96.0.1'],
        },
      ],
      State: 2,
    }));
    const pretty = JSON.stringify(lbs, null, 4);
    expect(pretty.length).toBeGreaterThan(65536);
    // Minified, the text is one JSON.parse (no element cut, nothing skipped).
    const minified = JSON.stringify(lbs);
    // A Resources value with a line less indented than its key: not skipped, still read.
    const odd = pretty.replace('"Resources": {\n', '"Resources": {\n"Odd": 1,\n');
    const view = (text: string) => {
      const r = parseInputs([{ name: 'lbs.json', text }], { deriveVfp: false });
      expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      return Object.values(r.topology.loadBalancers).map((lb) => ({ ...lb, provenance: null }));
    };
    const want = view(minified);
    expect(want).toHaveLength(300);
    expect(want[5]?.sourceVip).toBe('10.244.0.5');
    expect(view(pretty)).toEqual(want);
    expect(view(pretty.replace(/\n/g, '\r\n'))).toEqual(want);
    expect(odd).not.toBe(pretty);
    expect(view(odd)).toEqual(want);
  });

  it('names fields hnsviz does not know, once per input', () => {
    const text = JSON.stringify([
      { ID: '12121212-0000-4000-8000-000000000001', IPAddress: '10.0.0.1', FancyNewField: 1 },
      { ID: '12121212-0000-4000-8000-000000000002', IPAddress: '10.0.0.2', FancyNewField: 2 },
    ]);
    const d = parse(text).diagnostics.filter((x) => x.code === 'I_UNKNOWN_FIELD');
    expect(d).toHaveLength(1);
    expect(d[0]?.message).toContain('endpoint.FancyNewField (2×)');
  });

  it('keeps what a list view cut off inside a value says, and points at the cut', () => {
    const text =
      'ID       : 28893E01-AC8D-4BE6-85D4-7CD3A78611C1\nName     : Calico\nSubnets  : {@{AddressPrefix=100.244.206.64/26; GatewayAddress=100.24';
    const r = parse(text);
    expect(
      r.topology.networks['28893e01-ac8d-4be6-85d4-7cd3a78611c1']?.subnets.map(
        (s) => s.addressPrefix,
      ),
    ).toEqual(['100.244.206.64/26']);
    expect(r.diagnostics.find((d) => d.code === 'W_TRUNCATED')).toMatchObject({
      line: 3,
      column: 12,
    });
  });
});
