import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceFlow, traceVerdict } from '../engine/index';
import type { Trace, TraceRequest } from '../engine/types';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import type { ParseInput } from '../parsers/index';
import { clusterFixtures } from './__fixtures__/fixtures';
import { evidenceOf, folderOf, groupInputs, headText } from './attribute';
import { parseCluster } from './index';

const text = (f: string): string =>
  readFileSync(new URL(`./__fixtures__/${f}`, import.meta.url), 'utf8');
const file = (f: string, name = f): ParseInput => ({
  name,
  bytes: readFileSync(new URL(`./__fixtures__/${f}`, import.meta.url)),
});
const trace = (t: Topology, req: TraceRequest): Trace => {
  const tr = traceFlow(t, req);
  expect(traceVerdict(t, req)).toBe(tr.verdict);
  return tr;
};
// Seed 2 sends a1's connection to web to b1 on the other node (5-tuple hash; fixed seed).
const TO_B1 = { from: 'a1', to: '10.96.10.10:80', seed: 2 } as const;

describe('fixtures', () => {
  it('are what the generator writes from the scenarios (run generate.ts after changing them)', () => {
    for (const f of clusterFixtures())
      expect(text(f.file), f.file).toBe(f.text.replace(/\n/g, '\r\n'));
  });
});

describe('attribution', () => {
  it('reads the collector header, also from UTF-16 bytes', () => {
    const t = '# hnsviz collector 1 on WIN-Z at 2026-01-01 00:00:00Z\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...[...t].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(headText({ name: 'x', bytes: le })).toBe(t);
    const r = parseCluster([{ name: 'x', text: t }]);
    expect(r.nodes[0]?.evidence[0]?.evidence[0]).toMatchObject({
      kind: 'collector-header',
      value: 'WIN-Z',
    });
  });

  it('ranks header > host name > ManagementIP > folder, and follows the strongest', () => {
    const a = parseCluster([file('l2bridge-win-a.txt', 'nodeX/a.txt')]);
    const kinds = a.nodes[0]!.evidence[0]!.evidence.map((e) => e.kind);
    expect(kinds).toEqual(['collector-header', 'host-name', 'management-ip', 'folder']);
    expect(folderOf('nodeX/sub/a.txt')).toBe('nodeX');
    expect(folderOf('a.txt')).toBeNull();
  });

  it('joins loose pastes to the node their address or folder names', () => {
    const b = text('l2bridge-win-b.txt');
    // The networks section alone (no header, no ipconfig): ManagementIP 10.0.0.5.
    const nets = b.slice(
      b.indexOf('PS C:\\> Get-HnsNetwork'),
      b.indexOf('# ---- hnsviz section: hns-endpoints'),
    );
    // A policy list paste with nothing about its node, in the same folder as B's file.
    const lbs = b.slice(b.indexOf('PS C:\\> Get-HnsPolicyList'), b.indexOf('# hnsviz: hnsdiag'));
    const r = parseCluster([
      file('l2bridge-win-a.txt'),
      file('l2bridge-win-b.txt', 'b/collector.txt'),
      { name: 'networks.txt', text: nets },
      { name: 'b/lbs.txt', text: lbs },
    ]);
    expect(r.nodes.map((n) => [n.id, n.inputs])).toEqual([
      ['node:win-a', ['l2bridge-win-a.txt']],
      ['node:win-b', ['b/collector.txt', 'networks.txt', 'b/lbs.txt']],
    ]);
    const ev = (input: string) => r.nodes[1]!.evidence.find((e) => e.input === input)!.evidence[0]!;
    expect(ev('networks.txt')).toMatchObject({ kind: 'management-ip', value: '10.0.0.5' });
    expect(ev('b/lbs.txt')).toMatchObject({ kind: 'folder', value: 'b' });
    expect(r.diagnostics.filter((d) => d.code === 'I_NODE_ATTRIBUTED')).toHaveLength(4);
  });

  it('uses a local PA when no network names the node IP', () => {
    const b = text('overlay-win-b.txt');
    const eps = b.slice(
      b.indexOf('PS C:\\> Get-HnsEndpoint'),
      b.indexOf('# ---- hnsviz section: hns-policylists'),
    );
    const input = { name: 'eps.txt', text: eps };
    const alone = parseCluster([input]).topology;
    expect(evidenceOf(input, alone)[0]).toMatchObject({
      kind: 'provider-address',
      value: '10.0.0.5',
    });
  });

  it('puts evidence-free inputs on the only node, or on a node of their own', () => {
    const g = groupInputs([[{ kind: 'host-name', value: 'A', detail: '' }], []], ['a', 'b']);
    expect(g.map((x) => [x.key, x.evidence[0]?.kind])).toEqual([
      ['a', 'host-name'],
      ['a', 'only-node'],
    ]);
    const two = groupInputs(
      [
        [{ kind: 'host-name', value: 'A', detail: '' }],
        [{ kind: 'host-name', value: 'B', detail: '' }],
        [],
      ],
      ['a', 'b', 'c'],
    );
    expect(two[2]!.key).toBe('input:c');
  });

  it('lets the user reassign an input, and reports the evidence it overrode', () => {
    const r = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b.txt')], {
      assign: { 'l2bridge-win-b.txt': 'node:win-a' },
    });
    expect(r.nodes).toHaveLength(1);
    expect(r.nodes[0]!.inputs).toEqual(['l2bridge-win-a.txt', 'l2bridge-win-b.txt']);
    expect(r.nodes[0]!.evidence[1]!.evidence[0]).toMatchObject({ kind: 'user', value: 'win-a' });
    expect(r.diagnostics.some((d) => d.code === 'W_NODE_CONFLICT')).toBe(true);
  });

  it('one node gives exactly what parseInputs gives', () => {
    const r = parseCluster([file('overlay-win-a.txt')]);
    expect(r.topology.nodeIds).toEqual(['node:dump']);
    expect(r.nodes.map((n) => [n.id, n.name, n.managementIp])).toEqual([
      ['node:dump', 'WIN-A', '10.0.0.4'],
    ]);
  });
});

describe('assembly', () => {
  const r = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b.txt')]);
  const t = r.topology;

  it('gives each node its own node and vSwitch, keeps GUIDs, infers the underlay', () => {
    expect(t.nodeIds).toEqual(['node:win-a', 'node:win-b']);
    expect(Object.keys(t.vswitches)).toEqual(['vswitch:win-a', 'vswitch:win-b']);
    const a1 = Object.values(t.endpoints).find((e) => e.name === 'a1_cbr0')!;
    expect(a1).toMatchObject({ id: 'd514ef81-1b2c-401c-aff4-16331da6823e', nodeId: 'node:win-a' });
    expect(t.ports[a1.portId!]?.vswitchId).toBe('vswitch:win-a');
    expect(t.underlay).toMatchObject({
      subnet: '10.0.0.0/24',
      gatewayIp: '10.0.0.1',
      routes: [
        { prefix: '10.244.1.0/24', via: '10.0.0.4' },
        { prefix: '10.244.2.0/24', via: '10.0.0.5' },
      ],
    });
    expect(t.title).toBe('Cluster: WIN-A, WIN-B');
  });

  it('renames ids two nodes share, keeping every reference', () => {
    const c = text('l2bridge-win-a.txt').replace('on WIN-A at', 'on WIN-C at');
    const r2 = parseCluster([file('l2bridge-win-a.txt'), { name: 'c.txt', text: c }]);
    const t2 = r2.topology;
    expect(t2.nodeIds).toEqual(['node:win-a', 'node:win-c']);
    const copy = t2.endpoints['d514ef81-1b2c-401c-aff4-16331da6823e@win-c']!;
    expect(copy.nodeId).toBe('node:win-c');
    expect(t2.ports[copy.portId!]?.endpointId).toBe(copy.id);
    expect(t2.networks[copy.networkId]?.nodeId).toBe('node:win-c');
    const lb = Object.values(t2.loadBalancers).find((l) => l.nodeId === 'node:win-c')!;
    expect(lb.backendEndpointIds.every((id) => t2.endpoints[id]?.nodeId === 'node:win-c')).toBe(
      true,
    );
    // The copy's host name and address say WIN-A: reported, the header was followed.
    expect(r2.diagnostics.filter((d) => d.code === 'W_NODE_CONFLICT').length).toBeGreaterThan(0);
  });
});

describe('stitching', () => {
  it('L2Bridge: remote endpoints (no PA, L2Driver) link by the owner pod subnet', () => {
    const r = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b.txt')]);
    const s = r.stitches.find((x) => x.ip === '10.244.2.10')!;
    expect(s).toMatchObject({
      nodeId: 'node:win-a',
      status: 'linked',
      evidence: 'pod-subnet',
      ownerNodeId: 'node:win-b',
      localEndpointId: '9d84a41d-a0bd-46a8-aa63-4207c6160a22',
    });
    expect(r.stitches.every((x) => x.status === 'linked')).toBe(true);
  });

  it('Overlay: remote endpoints link by their PA', () => {
    const r = parseCluster([file('overlay-win-a.txt'), file('overlay-win-b.txt')]);
    expect(r.stitches.map((x) => [x.ip, x.evidence, x.ownerNodeId, x.status])).toEqual([
      ['10.244.2.10', 'pa', 'node:win-b', 'linked'],
      ['10.244.2.20', 'pa', 'node:win-b', 'linked'],
      ['10.244.1.11', 'pa', 'node:win-a', 'linked'],
    ]);
  });

  it('Overlay without PA on the endpoint: the network RemoteSubnetRoute links it', () => {
    const a = text('overlay-win-a.txt').replace(
      /"PA": {2}"10\.0\.0\.5",\r\n\s*"Type": {2}"PA"/g,
      '"Type":  "L2Driver"',
    );
    const r = parseCluster([{ name: 'a.txt', text: a }, file('overlay-win-b.txt')]);
    expect(r.stitches.find((x) => x.ip === '10.244.2.10')).toMatchObject({
      evidence: 'remote-subnet-route',
      status: 'linked',
      providerAddress: '10.0.0.5',
    });
  });

  it('a pod gone from its node is stale; a PA of a node not imported is unowned', () => {
    const r = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b-after.txt')]);
    expect(r.stitches.find((x) => x.ip === '10.244.2.10')).toMatchObject({
      status: 'stale',
      ownerNodeId: 'node:win-b',
      localEndpointId: null,
    });
    const one = parseCluster([file('overlay-win-a.txt')]);
    expect(one.stitches.map((x) => x.status)).toEqual(['unowned-pa', 'unowned-pa']);
  });
});

describe('cross-node traces over dumps', () => {
  for (const design of ['l2bridge', 'overlay'] as const) {
    it(`${design}: a1 → web ClusterIP with backend b1 crosses to WIN-B and runs WIN-B's rules`, () => {
      const r = parseCluster([file(`${design}-win-a.txt`), file(`${design}-win-b.txt`)]);
      const tr = trace(r.topology, { ...TO_B1, reply: true });
      expect(tr.verdict).toBe('delivered');
      expect(tr.legs[0]?.deliveredTo).toMatchObject({ kind: 'pod', name: 'b1' });
      const req = tr.hops.filter((h) => h.phase === 'request');
      const at = (n: string) => req.findIndex((h) => h.node === n);
      expect(at('WIN-A')).toBe(0);
      const wire = req.findIndex((h) => h.component === 'wire');
      expect(wire).toBeGreaterThan(0);
      expect(req.slice(wire + 1).every((h) => h.node === 'WIN-B')).toBe(true);
      // WIN-B's own port rules, rule by rule, on the way in to b1.
      const bPort = req.filter((h) => h.node === 'WIN-B' && h.component === 'port');
      expect(bPort.length).toBeGreaterThan(1);
      expect(bPort.at(-1)?.action).toBe('deliver');
      const b1 = r.topology.endpoints['9d84a41d-a0bd-46a8-aa63-4207c6160a22']!;
      expect(bPort.some((h) => h.objectId?.startsWith(b1.portId!) === true)).toBe(true);
      if (design === 'overlay') expect(bPort.map((h) => h.action)).toContain('decap');
      // The reply comes back to a1 on WIN-A.
      expect(tr.legs[1]?.deliveredTo).toMatchObject({ kind: 'pod', name: 'a1' });
    });
  }

  // The same walks on the dumped cluster as on the reference cluster it was collected from:
  // each hop's node, component, layer, rule and action, and the verdict. Host traffic leaves by
  // the management vNIC's port (the dump lists no vfpctrl ports, so it is derived), and a pod
  // reaching itself through a Service follows §7 S12 as the design does.
  for (const design of ['l2bridge', 'overlay'] as const)
    for (const [from, fromDump, to] of [
      ['node:win-a', 'WIN-A', '10.244.2.11:80'],
      ['node:win-a', 'WIN-A', '10.96.10.10:80'],
      ['b1', 'b1', '10.96.10.10:80'],
      ['a2', 'a2', '10.96.10.10:80'],
    ] as const)
      it(`${design}: ${fromDump} → ${to} walks as on the reference cluster`, () => {
        const r = parseCluster([file(`${design}-win-a.txt`), file(`${design}-win-b.txt`)]);
        const shape = (tr: Trace) => [
          tr.verdict,
          ...tr.hops
            // The dumps list no vfpctrl ports, so no external port: the packet goes straight to the wire.
            .filter((h) => h.action !== 'to wire' && h.action !== 'from wire')
            .map((h) =>
              [h.phase, h.node?.toLowerCase(), h.component, h.layer, h.rule, h.action].join(' '),
            ),
        ];
        const want = trace(buildScenario(`new-${design}`), { from, to, reply: true, seed: 2 });
        const got = trace(r.topology, { from: fromDump, to, reply: true, seed: 2 });
        expect(shape(got)).toEqual(shape(want));
        // Seed 2 balances a2's connection to a2 itself: the hairpin of §7 S12.
        if (from === 'a2')
          expect(got.reason).toMatch(design === 'l2bridge' ? /hairpin/ : /delivered to pod a2/);
      });

  it('a stale backend ends dropped on the owner node, saying why', () => {
    const r = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b-after.txt')]);
    const tr = trace(r.topology, TO_B1);
    expect(tr.verdict).toBe('dropped');
    expect(tr.reason).toMatch(/stale remote endpoint: 10\.244\.2\.10 is no endpoint on WIN-B/);
    expect(tr.hops.at(-1)).toMatchObject({ node: 'WIN-B', component: 'vswitch', action: 'drop' });
  });

  it('stops honestly where the peer node was not imported', () => {
    const c = text('l2bridge-win-b.txt')
      .replace('on WIN-B at', 'on WIN-C at')
      .replace(/10\.0\.0\.5/g, '10.0.0.6')
      .replace(/10\.244\.2\./g, '10.244.3.');
    // WIN-A and WIN-C: a1's connection to b1 (10.244.2.10, WIN-B) has nowhere to go.
    const r = parseCluster([file('l2bridge-win-a.txt'), { name: 'c.txt', text: c }]);
    const tr = trace(r.topology, TO_B1);
    expect(tr.verdict).toBe('delivered');
    expect(tr.deliveredTo?.kind).toBe('wire');
    expect(tr.assumptions.join('\n')).toMatch(/none of the imported nodes/);
  });
});

describe('one input holding several nodes', () => {
  const a = text('l2bridge-win-a.txt');
  const b = text('l2bridge-win-b.txt');
  const several = (r: ReturnType<typeof parseCluster>) =>
    r.diagnostics.filter((d) => d.code === 'W_SEVERAL_NODES');

  it('says so, at the line where the next node begins, and reads it as one node', () => {
    const r = parseCluster([{ name: 'paste', text: a + b }]);
    expect(r.nodes).toHaveLength(1);
    const [d, ...rest] = several(r);
    expect(rest).toHaveLength(0);
    expect(d).toMatchObject({ input: 'paste', line: a.split('\n').length, severity: 'warning' });
    expect(d!.message).toMatch(
      /2 nodes' output, read as one node: from line \d+, collector header: on WIN-B/,
    );
    expect(d!.hint).toMatch(/Split between nodes/);
  });

  it('reads the same from bytes (UTF-8; UTF-16 with CRLF), and says nothing of one node or two files', () => {
    const crlf = (a + b).replace(/\n/g, '\r\n');
    const bytes = new Uint8Array(2 + crlf.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < crlf.length; i++) bytes[2 + i * 2] = crlf.charCodeAt(i) & 0xff;
    expect(several(parseCluster([{ name: 'x.txt', bytes }]))[0]?.line).toBe(a.split('\n').length);
    const utf8 = new TextEncoder().encode(a + b);
    expect(several(parseCluster([{ name: 'y.txt', bytes: utf8 }]))[0]?.line).toBe(
      a.split('\n').length,
    );
    expect(several(parseCluster([{ name: 'a.txt', text: a }]))).toHaveLength(0);
    expect(
      several(
        parseCluster([
          { name: 'a.txt', text: a },
          { name: 'b.txt', text: b },
        ]),
      ),
    ).toHaveLength(0);
  });

  it("does not take one node's networks (one ManagementIP, written often) for two", () => {
    const twice = a + a.slice(a.indexOf('# ---- hnsviz section: hns-networks'));
    expect(twice.split('ManagementIP').length).toBeGreaterThan(2);
    expect(several(parseCluster([{ name: 'a.txt', text: twice }]))).toHaveLength(0);
  });
});
