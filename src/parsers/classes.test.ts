/**
 * The kinds of damaged or unusual pastes people post, one test each, on pastes shaped like the
 * real ones (the real ones are in real-corpus.test.ts). Each names the diagnostic it expects.
 */

import { describe, expect, it } from 'vitest';
import { parseInputs, type ParseResult } from './index';

const parse = (text: string): ParseResult => parseInputs([{ name: 'paste', text }]);
const codes = (r: ParseResult): string[] => r.diagnostics.map((d) => d.code);
const G1 = '5e6298c2-4638-494e-be6b-ff6fef942c06';
const G2 = 'ba5b0702-d05a-4fec-869f-4352d33f1891';
const G3 = '94530bee-c40a-4f25-9caf-19bbe91e748f';

describe('1. PowerShell table view', () => {
  it('reads Format-Table rows; a cell cut with … is reported and left out', () => {
    const r = parse(
      [
        'PS C:\\> Get-HnsEndpoint | ft Id, Name, IPAddress, IsRemoteEndpoint',
        '',
        'ID                                   Name          IPAddress     IsRemoteEndpoint',
        '--                                   ----          ---------     ----------------',
        `${G1} Ethernet      10.244.1.6                True`,
        `${G2} kube-dns-5d4… 10.244.2.11              False`,
        '3f1b…                                Ethernet      10.244.3.7                True',
        '',
      ].join('\n'),
    );
    expect(r.inputs[0]!.format).toBe('ps-table');
    expect(r.topology.endpoints[G1]).toMatchObject({ ipAddress: '10.244.1.6', isRemote: true });
    expect(r.topology.endpoints[G2]).toMatchObject({ name: 'kube-dns-5d4…', isRemote: false });
    const cut = r.diagnostics.find((d) => d.code === 'W_LIST_TRUNCATED');
    expect(cut).toMatchObject({ line: 7, column: 1 });
  });

  it('joins wrapped rows (ft -Wrap)', () => {
    const r = parse(
      [
        'PS C:\\> Get-HnsNetwork | ft Id, Name, Type -Wrap',
        'Id                                   Name                 Type',
        '--                                   ----                 ----',
        `${G3} Calico-overlay-netwo Overlay`,
        '                                     rk',
      ].join('\n'),
    );
    expect(r.topology.networks[G3]).toMatchObject({
      name: 'Calico-overlay-network',
      type: 'overlay',
    });
  });
});

describe('2. pastes cut in the middle of an object', () => {
  it('keeps the fields after the cut of a PS 5.1 JSON object; a nested ID is not its own', () => {
    const r = parse(
      [
        '                                                 "ID":  "2961E92F-CD91-45E3-88B9-FD9E6C7A2C1E",',
        '                                                 "Tag":  "L2Driver Policy"',
        '                                             }',
        '                                         ],',
        '                          "ID":  "F7D9F05F-9F37-4872-AE39-0B324226C164",',
        '                          "State":  1',
        '                      },',
        '    "ID":  "A2B4C6D8-0000-4000-8000-00000000A0A0",',
        '    "ManagementIP":  "10.240.0.4",',
        '    "Name":  "azure",',
        '    "Subnets":  [ { "AddressPrefix":  "10.240.0.0/16" } ],',
        '    "Type":  "L2Tunnel"',
        '}',
      ].join('\n'),
    );
    const n = r.topology.networks['a2b4c6d8-0000-4000-8000-00000000a0a0'];
    expect(n).toMatchObject({ name: 'azure', type: 'l2tunnel', managementIp: '10.240.0.4' });
    expect(Object.keys(r.topology.networks)).toHaveLength(1);
    expect(r.diagnostics.find((d) => d.code === 'W_TRUNCATED')?.line).toBe(1);
  });

  it('reads an escaped object cut inside a key, in a log line', () => {
    const r = parse(
      'oneType\\":\\"ICS\\",\\"ID\\":\\"347f7d9b-566e-4548-96fb-1c7213d58709\\",\\"Name\\":\\"Default Switch\\",\\"Subnets\\":[{\\"AddressPrefix\\":\\"172.18.224.0/20\\"}],\\"Type\\":\\"ICS\\"}"',
    );
    expect(r.topology.networks['347f7d9b-566e-4548-96fb-1c7213d58709']).toMatchObject({
      name: 'Default Switch',
      type: 'ics',
    });
  });

  it('reads a list view that starts in the middle of a record', () => {
    const r = parse(
      [
        '                     parentId=db5afc5b-2147-4ad9-bdb8-66e44ff4fccb}',
        'State              : 1',
        'VirtualNetworkName : l2bridge',
        '',
        `ID                 : ${G1}`,
        'IPAddress          : 10.244.1.6',
        'IsRemoteEndpoint   : True',
      ].join('\n'),
    );
    expect(r.topology.endpoints[G1]).toMatchObject({ ipAddress: '10.244.1.6', isRemote: true });
  });
});

describe('3. a truncated last line of a list view', () => {
  it('is a cut key, not part of the value before it', () => {
    const r = parse(
      [
        'PS C:\\> Get-HnsNetwork',
        '',
        `ID                     : ${G3}`,
        'Name                   : nat',
        'Na',
      ].join('\n'),
    );
    expect(r.topology.networks[G3]?.name).toBe('nat');
    expect(r.diagnostics.find((d) => d.code === 'W_TRUNCATED')).toMatchObject({ line: 5 });
  });

  it('keeps indented continuation lines and lost-indentation ones that are not last', () => {
    const r = parse(
      [
        `ID   : ${G3}`,
        'Name : nat',
        'Subnets : {@{AddressPrefix=172.29.144.0/20; GatewayAddress=172.29.144.1;',
        'ObjectType=5}}',
        'Type : nat',
      ].join('\n'),
    );
    expect(r.topology.networks[G3]?.subnets[0]?.addressPrefix).toBe('172.29.144.0/20');
  });
});

describe('4. log lines that quote HNS objects', () => {
  it('keeps type and id from a flanneld Go struct of an overlay network', () => {
    const r = parse(
      'I0114 12:12:26.419268   51192 vxlan_windows.go:114] Found existing HNS network &{Id:a92467b9-7e34-44bf-ae5e-07ca4703b45e Name:vxlan0 Type:Overlay NetworkAdapterName:Ethernet Subnets:[{AddressPrefix:10.244.0.0/16 GatewayAddress:10.244.0.1 Policies:[]}] ManagementIP:10.2.51.61}',
    );
    expect(r.topology.networks['a92467b9-7e34-44bf-ae5e-07ca4703b45e']).toMatchObject({
      type: 'overlay',
      managementIp: '10.2.51.61',
    });
  });

  it('joins a dockerd escaped response wrapped over lines, for a NAT network', () => {
    const r = parse(
      [
        'time="2019-11-10T14:26:37Z" level=debug msg="Network Response : {\\"ID\\":\\"5C242C1E-8E0F-4F65-B9E0-A0B7A6EA41E2\\",\\"MacPools\\":[{\\"EndMacA',
        'ddress\\":\\"00-15-5D-AB-5F-FF\\"}],\\"Name\\":\\"nat\\",\\"Type\\":\\"nat\\"}"',
        'time="2019-11-10T14:26:38Z" level=debug msg="next"',
      ].join('\n'),
    );
    expect(r.topology.networks['5c242c1e-8e0f-4f65-b9e0-a0b7a6ea41e2']).toMatchObject({
      name: 'nat',
      type: 'nat',
    });
    expect(codes(r)).toContain('I_REWRAPPED');
  });
});

describe('5. PowerShell error records', () => {
  it('reads the object inside the message and reports the error', () => {
    const r = parse(
      [
        `New-HnsNetwork : @{Error=A network with this name already exists. ; ErrorCode=2151350288; Output=@{ID=${G3}; Name=External; Type=Overlay; ManagementIP=10.7.0.25}; Success=False}`,
        'At C:\\k\\flannel\\hns.psm1:233 char:16',
        '+ ...      return Invoke-HnsRequest -Method POST -Type networks -Data $Json ...',
        '+                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Invoke-HNSRequest',
      ].join('\n'),
    );
    expect(r.topology.networks[G3]).toMatchObject({ name: 'External', type: 'overlay' });
    const e = r.diagnostics.find((d) => d.code === 'I_ERROR_RECORD');
    expect(e?.message).toMatch(
      /New-HnsNetwork reported an error: A network with this name already exists/,
    );
    expect(codes(r)).not.toContain('W_UNPARSED_LINES');
    expect(codes(r)).not.toContain('W_UNKNOWN_OBJECT');
  });

  it('reads request JSON quoted in an error message', () => {
    const r = parse(
      [
        'New-HnsNetwork : {"Name":"cbr0","Type":"L2Bridge","Subnets":[{"AddressPrefix":"10.200.62.0/24"}]} : The parameter is incorrect.',
        'At line:1 char:1',
        '+ New-HnsNetwork -Type L2Bridge -Name cbr0 -AddressPrefix 10.200.62.0/24',
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : NotSpecified: (:) [New-HnsNetwork], Exception',
      ].join('\n'),
    );
    const n = Object.values(r.topology.networks)[0];
    expect(n).toMatchObject({ name: 'cbr0', type: 'l2bridge' });
  });
});

describe('6. older and elided vfpctrl output', () => {
  it('keeps rule type, priority and name, and layer/group priority, across elisions', () => {
    const r = parse(
      [
        'PS C:\\> vfpctrl /port 7b9d5d7c-d4bd-4e3a-8e55-6f5c7a2d9e10 /list-rule',
        'ITEM LIST',
        '===========',
        '',
        '  LAYER : SLB_NAT_LAYER',
        '    Friendly name : SLB_NAT_LAYER',
        '    Priority : 15',
        '    Flags : 1 stateful',
        '',
        '    GROUP : SLB_GROUP_NAT_IPv4_IN',
        '      Friendly name : SLB_GROUP_NAT_IPv4_IN',
        '      Priority : 200',
        '      ...',
        '',
        '      RULE : LB_DSR_10.96.0.10_53_53_17',
        '        Friendly name : LB_DSR_10.96.0.10_53_53_17',
        '        ...',
        '        Priority : 100',
        '        Flags : 1 terminating',
        '        Type : lbnat',
        '',
        '      ...',
        '',
        '      RULE : SNAT_TCP_OUTBOUNDNAT_10.240.0.4',
        '        Priority : 10',
        '        Type : dynnat',
      ].join('\n'),
    );
    const rules = Object.values(r.topology.rules);
    expect(rules.find((x) => x.name === 'LB_DSR_10.96.0.10_53_53_17')).toMatchObject({
      type: 'lbnat',
      priority: 100,
    });
    expect(rules.find((x) => x.name.startsWith('SNAT_TCP'))).toMatchObject({
      type: 'dynnat',
      priority: 10,
    });
    expect(Object.values(r.topology.layers)[0]).toMatchObject({
      name: 'SLB_NAT_LAYER',
      priority: 15,
    });
    expect(Object.values(r.topology.groups)[0]).toMatchObject({ priority: 200 });
    expect(codes(r)).not.toContain('W_UNKNOWN_OBJECT');
  });
});

describe('7. hnsdiag list -df from non-Kubernetes hosts', () => {
  it('reads an ICS network whose head is cut and the endpoint back to back with it', () => {
    const r = parse(
      [
        '        "SubnetIPAddress":"172.30.160.0",',
        '        "Tag":"ICS"',
        '    }],',
        '    "Name":"WSL",',
        '    "Subnets":[{"AddressPrefix":"172.30.160.0/20","GatewayAddress":"172.30.160.1"}],',
        '    "Type":"ICS"',
        '}',
        '{',
        '    "ID":"bb2dc3d8-f93e-4137-a893-b6edf0d2b33c",',
        '    "VirtualNetworkName":"WSL",',
        '    "IPAddress":"172.30.170.40"',
        '}',
      ].join('\n'),
    );
    const net = Object.values(r.topology.networks).find((n) => n.name === 'WSL');
    expect(net).toMatchObject({ type: 'ics' });
    expect(net?.subnets[0]?.addressPrefix).toBe('172.30.160.0/20');
    expect(r.topology.endpoints['bb2dc3d8-f93e-4137-a893-b6edf0d2b33c']?.ipAddress).toBe(
      '172.30.170.40',
    );
  });
});

describe('8. policy lists in list view (v1 ELB, DSR)', () => {
  it('reads ports, VIPs and DSR from the Policies value', () => {
    const r = parse(
      [
        'PS C:\\> Get-HnsPolicyList',
        '',
        `ID                 : ${G1}`,
        `Policies           : {@{ExternalPort=53; InternalPort=53; IsDSR=True; Protocol=17; SourceVIP=10.244.1.2; Type=ELB; VIPs=System.Object[]}}`,
        `References         : {/endpoints/${G2}}`,
        '',
        `ID                 : ${G3}`,
        'Policies           : {@{ExternalPort=443; InternalPort=6443; Protocol=6; Type=ELB; VIPs={10.96.0.1}}}',
        `References         : {/endpoints/${G2}}`,
      ].join('\n'),
    );
    expect(r.topology.loadBalancers[G1]).toMatchObject({
      internalPort: 53,
      externalPort: 53,
      protocol: 17,
      sourceVip: '10.244.1.2',
      flags: expect.objectContaining({ dsr: true }) as unknown,
    });
    expect(r.topology.loadBalancers[G3]).toMatchObject({
      internalPort: 6443,
      externalPort: 443,
      frontendVips: ['10.96.0.1'],
    });
  });
});
