import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../parsers/index';
import { CHECKS, lintTopology, type Finding } from './index';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../parsers/__fixtures__/corpus',
);
const corpus = (f: string) => ({
  name: f,
  bytes: new Uint8Array(readFileSync(path.join(FIXTURES, f))),
});

const NET = 'aaaaaaaa-0000-4000-8000-000000000001';
const id = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;

function lint(objects: unknown[], extra: { name: string; text: string }[] = []): Finding[] {
  const r = parseInputs([{ name: 'dump.json', text: JSON.stringify(objects) }, ...extra]);
  return lintTopology(r.topology, { conflicts: r.conflicts, vfpGiven: r.vfpGiven });
}
const codes = (f: Finding[]) => f.map((x) => x.code);

const overlay = {
  ID: NET,
  Name: 'vxlan0',
  Type: 'Overlay',
  ManagementIP: '10.0.0.4',
  Subnets: [{ AddressPrefix: '10.244.1.0/24', GatewayAddress: '10.244.1.1' }],
  Policies: [
    {
      Type: 'RemoteSubnetRoute',
      DestinationPrefix: '10.244.2.0/24',
      ProviderAddress: '10.0.0.5',
      IsolationId: 4096,
    },
  ],
};
const pod = (n: number, extra: Record<string, unknown> = {}) => ({
  ID: id(n),
  Name: `pod${n}`,
  VirtualNetwork: NET,
  IPAddress: `10.244.1.${n + 10}`,
  State: 2,
  SharedContainers: ['c'],
  ...extra,
});

describe('lint checks', () => {
  it('a healthy node has no warnings', () => {
    const lb = {
      ID: id(90),
      References: [`/endpoints/${id(1)}`],
      Policies: [
        {
          Type: 'ELB',
          Protocol: 6,
          InternalPort: 80,
          ExternalPort: 80,
          VIPs: ['10.96.0.20'],
          SourceVIP: '10.244.1.2',
        },
      ],
    };
    const nat = { Type: 'OutBoundNAT', ExceptionList: ['10.244.0.0/16', '10.96.0.0/12'] };
    const f = lint([
      overlay,
      pod(1, {
        Policies: [nat, { Type: 'ROUTE', DestinationPrefix: '10.96.0.0/12', NeedEncap: true }],
      }),
      lb,
    ]);
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('flags endpoints not in a good state', () => {
    expect(codes(lint([overlay, pod(1, { State: 5 })]))).toContain('endpoint-bad-state');
    expect(codes(lint([overlay, pod(1, { State: 1 })]))).toContain('endpoint-bad-state');
    expect(codes(lint([overlay, pod(1, { State: 3 })]))).not.toContain('endpoint-bad-state');
  });

  it('flags an OutBoundNAT exception list without the service CIDR', () => {
    const route = { Type: 'ROUTE', DestinationPrefix: '10.96.0.0/12', NeedEncap: true };
    const bad = lint([
      overlay,
      pod(1, { Policies: [{ Type: 'OutBoundNAT', ExceptionList: ['10.244.0.0/16'] }, route] }),
    ]);
    const finding = bad.find((x) => x.code === 'outboundnat-missing-exception');
    expect(finding?.problem).toContain('service CIDR 10.96.0.0/12');
    expect(finding?.objectIds).toEqual([id(1)]);
    const good = lint([
      overlay,
      pod(1, {
        Policies: [
          { Type: 'OutBoundNAT', ExceptionList: ['10.244.0.0/16', '10.96.0.0/12'] },
          route,
        ],
      }),
    ]);
    expect(codes(good)).not.toContain('outboundnat-missing-exception');
  });

  it('flags load balancers with no or unknown backends', () => {
    const lb = (n: number, refs: string[]) => ({
      ID: id(n),
      References: refs,
      Policies: [
        {
          Type: 'ELB',
          Protocol: 6,
          InternalPort: 80,
          ExternalPort: n,
          VIPs: ['10.96.0.20'],
          SourceVIP: '10.244.1.2',
        },
      ],
    });
    const f = lint([
      overlay,
      pod(1),
      lb(90, []),
      lb(91, [`/endpoints/${id(77)}`]),
      lb(92, [`/endpoints/${id(1)}`]),
    ]);
    expect(f.filter((x) => x.code === 'lb-no-backends').map((x) => x.objectIds[0])).toEqual([
      id(90),
    ]);
    expect(f.filter((x) => x.code === 'lb-unknown-backend').map((x) => x.objectIds)).toEqual([
      [id(91), id(77)],
    ]);
  });

  it('flags duplicate VIPs and duplicate IPs', () => {
    const lb = (n: number) => ({
      ID: id(n),
      References: [`/endpoints/${id(1)}`],
      Policies: [
        {
          Type: 'ELB',
          Protocol: 6,
          InternalPort: 80,
          ExternalPort: 80,
          VIPs: ['10.96.0.20'],
          SourceVIP: '10.244.1.2',
        },
      ],
    });
    expect(codes(lint([overlay, pod(1), lb(90), lb(91)]))).toContain('duplicate-vip');
    expect(codes(lint([overlay, pod(1), lb(90)]))).not.toContain('duplicate-vip');
    expect(codes(lint([overlay, pod(1), pod(2, { IPAddress: '10.244.1.11' })]))).toContain(
      'duplicate-ip',
    );
  });

  it('flags remote endpoints with the placeholder MAC', () => {
    const remote = {
      ID: id(5),
      IPAddress: '10.244.2.5',
      IsRemoteEndpoint: true,
      MacAddress: '00-11-22-33-44-55',
      VirtualNetwork: NET,
    };
    expect(codes(lint([overlay, remote]))).toContain('remote-placeholder-mac');
    expect(codes(lint([overlay, { ...remote, MacAddress: '0E-2A-0A-F4-02-05' }]))).not.toContain(
      'remote-placeholder-mac',
    );
  });

  it('flags an overlay without a source VIP for kube-proxy', () => {
    const lb = {
      ID: id(90),
      References: [`/endpoints/${id(1)}`],
      Policies: [
        { Type: 'ELB', Protocol: 6, InternalPort: 80, ExternalPort: 80, VIPs: ['10.96.0.20'] },
      ],
    };
    expect(codes(lint([overlay, pod(1), lb]))).toContain('overlay-no-source-vip');
    expect(codes(lint([{ ...overlay, Type: 'L2Bridge' }, pod(1), lb]))).not.toContain(
      'overlay-no-source-vip',
    );
  });

  it('flags a management IP on the Vagrant NAT adapter (corpus 09, not 10)', () => {
    const bad = lintTopology(
      parseInputs([corpus('09-calico-overlay-remotesubnet-fl.txt')]).topology,
    );
    expect(codes(bad)).toContain('management-ip-unexpected');
    const fixed = lintTopology(
      parseInputs([corpus('10-calico-overlay-fl-broken-indent.txt')]).topology,
    );
    expect(codes(fixed)).not.toContain('management-ip-unexpected');
    expect(codes(lint([{ ...overlay, ManagementIP: '192.168.7.4' }]))).toContain(
      'management-ip-unexpected',
    );
  });

  it('flags v1/v2 field mismatches between inputs', () => {
    const v2 = {
      ID: id(90),
      HostComputeEndpoints: [id(1)],
      FrontendVIPs: ['10.96.0.21'],
      PortMappings: [{ Protocol: 6, InternalPort: 80, ExternalPort: 80 }],
      SchemaVersion: { Major: 2, Minor: 0 },
    };
    const v1 = {
      ID: id(90),
      References: [`/endpoints/${id(1)}`],
      Policies: [
        { Type: 'ELB', Protocol: 6, InternalPort: 80, ExternalPort: 80, VIPs: ['10.96.0.20'] },
      ],
    };
    const f = lint([overlay, pod(1), v1], [{ name: 'v2.json', text: JSON.stringify(v2) }]);
    expect(f.find((x) => x.code === 'v1-v2-mismatch')?.title).toContain('vips');
    const same = lint(
      [overlay, pod(1), v1],
      [{ name: 'v2.json', text: JSON.stringify({ ...v2, FrontendVIPs: ['10.96.0.20'] }) }],
    );
    expect(codes(same)).not.toContain('v1-v2-mismatch');
  });

  it('flags an HNS ACL policy without its VFP rule (corpus 30 + 50)', () => {
    const files = [
      corpus('30-rke2-calico-endpoint-fl-acl.txt'),
      corpus('50-rke2-vfp-acl-endpoint-layer-rules.txt'),
    ];
    const ok = parseInputs(files);
    expect(codes(lintTopology(ok.topology, { vfpGiven: ok.vfpGiven }))).not.toContain(
      'policy-without-vfp-rule',
    );
    const text = new TextDecoder()
      .decode(files[1]!.bytes)
      .replaceAll('allow-host-to-endpoint', 'something-else');
    const broken = parseInputs([files[0]!, { name: 'vfp.txt', text }]);
    const f = lintTopology(broken.topology, { vfpGiven: broken.vfpGiven });
    expect(f.find((x) => x.code === 'policy-without-vfp-rule')?.title).toContain(
      'allow-host-to-endpoint',
    );
  });

  it('runs every check and never throws on the corpus', () => {
    expect(Object.keys(CHECKS)).toHaveLength(16);
    for (const f of [
      '43-flannel-vxlan-hnsdiag-list-all-with-lbs.txt',
      '46-flannel-vxlan-hnsdiag-list-loadbalancers-and-empty-vfp.txt',
      '31-calico-endpoints-trimmed-fl.txt',
    ]) {
      const findings = lintTopology(parseInputs([corpus(f)]).topology);
      for (const x of findings) expect(x.problem && x.evidence && x.fix).toBeTruthy();
    }
  });
});
