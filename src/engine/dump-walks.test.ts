/**
 * Traces through parsed single-node dumps (one node, no underlay, often no external port):
 * packets for other nodes leave by the uplink and end as `deliveredTo.kind === 'wire'`;
 * OutBoundNAT's address comes from the best evidence in the dump.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../parsers/index';
import { NODE_IP_PLACEHOLDER } from '../model/program-vfp-pod';
import { traceFlow, traceVerdict } from './index';
import type { Trace, TraceRequest } from './types';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const parse = (name: string, text: string) => parseInputs([{ name, text }]).topology;

const overlay = parse('collector.txt', read('../dump-import/__fixtures__/collector-sample.txt'));
const l2bridgeText = read('./__fixtures__/l2bridge-single-node.txt');
const l2bridge = parse('l2bridge.txt', l2bridgeText);
// The same node without `route print` / `ipconfig /all`: nothing gives the node IP.
const l2bridgeBare = parse(
  'l2bridge-bare.txt',
  l2bridgeText.slice(0, l2bridgeText.indexOf('# ---- hnsviz section: route-print')),
);
const corpus30 = parse(
  '30.txt',
  read('../parsers/__fixtures__/corpus/30-rke2-calico-endpoint-fl-acl.txt'),
);

const POD_B = 'b2e1d4c3-2c3d-4e4f-9051-6b7c8d9e0f12'; // overlay pod with derived VFP
const POD_L2 = '11111111-aaaa-4bbb-8ccc-000000000010';
const POD_30 = 'c9385412-bdef-49f5-88b0-c9d484ef6716';

function trace(t: Parameters<typeof traceFlow>[0], req: TraceRequest): Trace {
  const tr = traceFlow(t, req);
  expect(traceVerdict(t, req)).toBe(tr.verdict);
  return tr;
}

const actions = (tr: Trace, phase = 'request') =>
  tr.hops.filter((h) => h.phase === phase).map((h) => h.action);

describe('single-node overlay dump (collector sample)', () => {
  it('a remote endpoint (PA 10.0.0.5): VXLAN encap, out of the uplink, ends on the wire', () => {
    const tr = trace(overlay, { from: POD_B, to: '10.244.2.20:80' });
    expect(tr.verdict).toBe('delivered');
    expect(tr.deliveredTo).toEqual({
      kind: 'wire',
      name: 'PA 10.0.0.5 (peer node not in the dump)',
      ip: '10.0.0.5',
    });
    expect(tr.reason).toBe(
      'leaves WIN-NODE-A towards PA 10.0.0.5 (VXLAN VNI 4096); the peer node is not in the dump',
    );
    expect(actions(tr).slice(-3)).toEqual(['encap', 'forward', 'leave']);
    expect(tr.final.outer).toEqual({
      srcIp: '10.0.0.4',
      dstIp: '10.0.0.5',
      proto: 17,
      dstPort: 4789,
      vni: 4096,
    });
    expect(tr.hops.at(-1)).toMatchObject({ component: 'wire', node: 'WIN-NODE-A' });
    expect(tr.assumptions.join('\n')).toMatch(/no external port in the model/);
  });

  it('a RemoteSubnetRoute prefix without an endpoint takes the same way', () => {
    const tr = trace(overlay, { from: POD_B, to: '10.244.2.99:80' });
    expect(tr.deliveredTo?.kind).toBe('wire');
    expect(tr.deliveredTo?.ip).toBe('10.0.0.5');
  });

  it('the reply comes back encapsulated, is decapsulated and delivered', () => {
    const tr = trace(overlay, { from: POD_B, to: '10.244.2.20:80', reply: true });
    expect(tr.legs.map((l) => [l.verdict, l.deliveredTo?.kind])).toEqual([
      ['delivered', 'wire'],
      ['delivered', 'host'],
    ]);
    expect(actions(tr, 'reply')).toContain('decap');
    expect(tr.final.outer).toBeNull();
    expect(tr.final.dstIp).toBe('10.244.1.11');
  });

  it('internet traffic is SNATed to the node IP and leaves too', () => {
    const tr = trace(overlay, { from: POD_B, to: '93.184.216.34:443', reply: true });
    expect(tr.legs[0]!.final.srcIp).toBe('10.0.0.4');
    expect(tr.legs[0]!.deliveredTo).toMatchObject({ kind: 'wire', ip: '93.184.216.34' });
    expect(tr.legs[1]!.verdict).toBe('delivered');
    expect(tr.final.dstIp).toBe('10.244.1.11');
  });
});

describe('single-node l2bridge dump (route print + ipconfig, no ManagementIP)', () => {
  it('another node pod CIDR: host route → MAC rewrite → uplink → wire towards the next hop', () => {
    const tr = trace(l2bridge, { from: POD_L2, to: '10.244.2.10:80', reply: true });
    const req = tr.legs[0]!;
    expect(req.deliveredTo).toEqual({
      kind: 'wire',
      name: 'next hop 10.0.0.5 (not in the dump)',
      ip: '10.0.0.5',
    });
    expect(req.reason).toMatch(
      /^leaves WIN-BRIDGE-1 towards next hop 10\.0\.0\.5 for 10\.244\.2\.10/,
    );
    const paroute = tr.hops.find((h) => h.action === 'paroute');
    expect(paroute?.rule).toBe('PA_ROUTE_10.244.2.0/24');
    // Source MAC rewritten to the host MAC ipconfig gave; addresses untouched.
    expect(req.final).toMatchObject({
      srcIp: '10.244.1.10',
      dstIp: '10.244.2.10',
      srcMac: '00:15:5d:52:81:04',
    });
    expect(tr.legs[1]).toMatchObject({ verdict: 'delivered', deliveredTo: { kind: 'host' } });
  });

  it('OutBoundNAT uses the node IP from ipconfig', () => {
    const tr = trace(l2bridge, { from: POD_L2, to: '8.8.8.8:443' });
    expect(tr.final.srcIp).toBe('10.0.0.4');
    expect(tr.deliveredTo).toMatchObject({ kind: 'wire', ip: '10.0.0.1' });
    expect(tr.assumptions.join('\n')).not.toMatch(/placeholder|TEST-NET/);
  });
});

describe('OutBoundNAT address without a node IP in the dump', () => {
  it('corpus 30: taken from the endpoint PA policy, and said so', () => {
    const tr = trace(corpus30, { from: POD_30, to: '8.8.8.8:443', reply: true });
    expect(tr.legs[0]!.final.srcIp).toBe('10.156.233.218');
    expect(tr.assumptions.join('\n')).toMatch(/10\.156\.233\.218/);
    expect(tr.verdict).toBe('delivered');
    expect(tr.final.dstIp).toBe('10.42.213.221');
  });

  it('nothing at all: a labelled placeholder, never a silent 0.0.0.0', () => {
    expect(Object.values(l2bridgeBare.nodes)[0]!.managementIp).toBeNull();
    const tr = trace(l2bridgeBare, { from: POD_L2, to: '8.8.8.8:443', reply: true });
    expect(tr.legs[0]!.final.srcIp).toBe(NODE_IP_PLACEHOLDER);
    expect(tr.assumptions.some((a) => a.includes(NODE_IP_PLACEHOLDER) && /not give/.test(a))).toBe(
      true,
    );
    const snat = tr.hops.find((h) => h.action === 'dynnat');
    expect(snat?.why.join(' ')).toMatch(/placeholder/);
    expect(tr.hops.some((h) => h.after.srcIp === '0.0.0.0')).toBe(false);
    // The reply still finds its way back through the NAT flow.
    expect(tr.legs[1]!.verdict).toBe('delivered');
    expect(tr.final.dstIp).toBe('10.244.1.10');
  });

  it('a host whose dump had no route table drops with that said, as an assumption', () => {
    const bare = Object.values(l2bridgeBare.nodes)[0]!;
    expect(bare.hostStack.routes).toHaveLength(0);
    const tr = trace(l2bridgeBare, { from: bare.id, to: '8.8.8.8:443' });
    expect(tr.verdict).toBe('dropped');
    expect(tr.reason).toMatch(/no route to 8\.8\.8\.8 \(no host routes were read\)$/);
    expect(tr.assumptions.some((a) => /no host routes were read.*route print -4/.test(a))).toBe(
      true,
    );
    // With its route table the same host has a route, and nothing is assumed about routes.
    const full = Object.values(l2bridge.nodes)[0]!;
    const routed = trace(l2bridge, { from: full.id, to: '8.8.8.8:443' });
    expect(routed.reason).not.toMatch(/no host routes/);
    expect(routed.assumptions.some((a) => /no host routes/.test(a))).toBe(false);
  });
});
