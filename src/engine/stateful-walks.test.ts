/**
 * Walks that depend on VFP state and on the non-DSR host path: a pod behind a default-deny
 * ACL still gets the replies of its own connections (stateful ACLs, domain.md §5.2), and the
 * 2017 design's service traffic is addressed to the host (ROUTE NeedEncap, §2.3, §8.5).
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { finishTopology } from '../scenarios/common';
import { newDraft } from '../scenarios/new-design';
import { REFERENCE_CLUSTER } from '../scenarios/reference';
import { programVfp } from '../model/program-vfp';
import { checkInvariants } from '../model/invariants';
import type { Design, Topology } from '../model/types';
import { traceFlow, traceVerdict } from './trace';
import type { Hop, Trace, TraceRequest } from './types';

const topo = new Map<Design, Topology>();
const get = (d: Design) => topo.get(d) ?? (topo.set(d, buildScenario(d)), topo.get(d)!);
const tr = (d: Design, r: TraceRequest): Trace => traceFlow(get(d), r);
const phase = (t: Trace, ph: Hop['phase']) => t.hops.filter((h) => h.phase === ph);
const NEW: Design[] = ['new-2017', 'new-l2bridge', 'new-overlay', 'new-overlay-nodsr'];
const HOST_A = '00:15:5d:00:00:04';

describe('stateful ACLs: b2 (default-deny IN) gets the replies of its own connections', () => {
  const cases: [string, TraceRequest][] = [
    ['pod a1', { from: 'b2', to: 'a1:8080', reply: true }],
    ['pod b1 (same node)', { from: 'b2', to: 'b1:8080', reply: true }],
    ['Service web', { from: 'b2', to: '10.96.10.10:80', reply: true, srcPort: 40001 }],
    ['kube-dns', { from: 'b2', to: '10.96.0.10:53', proto: 'udp', reply: true }],
    ['the internet', { from: 'b2', to: '203.0.113.10:443', reply: true }],
  ];
  it.each(NEW.flatMap((d) => cases.map(([what, r]) => [d, what, r] as const)))(
    '%s: b2 → %s, reply delivered to b2',
    (d, _what, r) => {
      const t = tr(d, r);
      expect(t.legs.map((l) => l.verdict)).toEqual(['delivered', 'delivered']);
      expect(t.deliveredTo).toMatchObject({ kind: 'pod', name: 'b2' });
      // b2's IN ACLs never decide the reply: the connection's flow covers them.
      const atB2 = phase(t, 'reply').filter((h) => h.objectId === 'port:win-b:b2');
      expect(atB2.some((h) => h.layer === 'ACL_ENDPOINT_LAYER' && h.action === 'drop')).toBe(false);
      expect(atB2.some((h) => h.action === 'flow (inverse rewrite)')).toBe(true);
      expect(traceVerdict(get(d), r)).toBe('delivered');
    },
  );
  it.each(NEW)('%s: a flow no stateful rule made is marked inferred, with its source', (d) => {
    const t = tr(d, { from: 'b2', to: 'a1:8080', reply: true });
    const back = phase(t, 'reply').find(
      (h) => h.objectId === 'port:win-b:b2' && h.action === 'flow (inverse rewrite)',
    )!;
    expect(back).toMatchObject({ confidence: 'inferred', rule: null });
    expect(back.ref).toMatch(/§5\.2/);
    expect(back.why.join(' ')).toMatch(/created going out/);
    expect(back.verify).toEqual([expect.stringMatching(/\/list-unified-flow$/)]);
  });
  it.each(NEW)('%s: a new connection to b2 from a1 is still blocked (S9)', (d) => {
    const t = tr(d, { from: 'a1', to: 'b2:8080', reply: true });
    expect(t.legs).toHaveLength(1);
    expect(t.verdict).toBe('dropped');
    expect(t.hops[t.hops.length - 1]).toMatchObject({
      layer: 'ACL_ENDPOINT_LAYER',
      priority: 65000,
    });
  });
});

describe('new-2017: service traffic is addressed to the host (ROUTE NeedEncap)', () => {
  it('a1 → web: PA route to the host, destination MAC = host MAC, both legs', () => {
    const t = tr('new-2017', { from: 'a1', to: '10.96.10.10:80', reply: true, srcPort: 40001 });
    const route = phase(t, 'request').find((h) => h.action === 'paroute')!;
    expect(route).toMatchObject({
      rule: 'PA_ROUTE_10.96.0.0/12',
      priority: 100,
      nameSource: 'model',
      confidence: 'inferred',
    });
    expect(route.why).toContain('next hop 10.0.0.4');
    const mac = phase(t, 'request').find((h) => h.rule === 'MAC_REWRITE_OUT')!;
    expect(mac.after).toMatchObject({ srcMac: HOST_A, dstMac: HOST_A, dstIp: '10.96.10.10' });
    for (const h of t.hops) {
      expect(h.before.dstMac, `${h.phase} ${h.name} ${h.action}`).not.toBeNull();
      expect(h.after.dstMac, `${h.phase} ${h.name} ${h.action}`).not.toBeNull();
    }
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', dstMac: '00:15:5d:f4:01:0a' });
  });
  it('kube-dns from a1: the same, UDP', () => {
    const t = tr('new-2017', { from: 'a1', to: '10.96.0.10:53', proto: 'udp', reply: true });
    const mac = phase(t, 'request').find((h) => h.rule === 'MAC_REWRITE_OUT')!;
    expect(mac.after.dstMac).toBe(HOST_A);
    expect(t.deliveredTo?.name).toBe('a1');
  });
  it('the DSR designs keep no such route (LB_DSR rewrites first)', () => {
    const t = get('new-l2bridge');
    expect(Object.values(t.rules).some((r) => r.name === 'PA_ROUTE_10.96.0.0/12')).toBe(false);
  });
});

describe('non-DSR load balancing on overlay: ClusterIP SNAT to the source VIP', () => {
  // kube-proxy without DSR on an overlay network (--source-vip): the 2017 design's host-port
  // load balancing, on flannel VXLAN (domain.md §1.6, §2.4, §4.2).
  const t = programVfp(
    finishTopology(
      REFERENCE_CLUSTER,
      'new-2017',
      'non-DSR overlay',
      newDraft(REFERENCE_CLUSTER, 'overlay', 'non-dsr'),
      false,
    ),
  );
  const pick = (backend: string): Trace => {
    for (let srcPort = 40000; srcPort < 40100; srcPort++) {
      const r = traceFlow(t, { from: 'a1', to: '10.96.10.10:80', reply: true, srcPort });
      if (r.legs[0]?.deliveredTo?.name === backend) return r;
    }
    throw new Error(`no source port picks ${backend}`);
  };
  it.each(['a2', 'b1'])('a1 → web → %s: SNAT to 10.244.1.2, reply un-NATed to a1', (backend) => {
    const r = pick(backend);
    expect(checkInvariants(t)).toEqual([]);
    const lb = phase(r, 'request').find((h) => h.action === 'lbnat')!;
    expect(lb).toMatchObject({ layer: 'SLB_LB_LAYER', priority: 100, confidence: 'inferred' });
    expect(lb.after.srcIp).toBe('10.244.1.2');
    expect(lb.why.join(' ')).toMatch(/source NAT to 10\.244\.1\.2 \(the kube-proxy source VIP/);
    expect(lb.ref).toMatch(/§4\.2/);
    expect(r.legs[0]!.final.srcIp).toBe('10.244.1.2');
    if (backend === 'b1') {
      const wire = r.hops.filter((h) => h.component === 'wire');
      expect(wire.map((h) => h.before.outer?.dstIp)).toEqual(['10.0.0.5', '10.0.0.4']);
    }
    // Reply: the host port's flow restores the VIP; a1 gets it addressed to its own MAC.
    const back = phase(r, 'reply').find((h) => h.action === 'flow (inverse rewrite)' && h.rule)!;
    expect(back.rule).toMatch(/^LB_.*_10\.96\.10\.10_80_8080_6$/);
    expect(back.after).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstIp: '10.244.1.10' });
    expect(r.deliveredTo?.name).toBe('a1');
    expect(r.final).toMatchObject({ srcIp: '10.96.10.10', dstMac: '0e:2a:0a:f4:01:0a' });
    expect(traceVerdict(t, r.request)).toBe('delivered');
  });
});

describe('S12 hairpin in new-2017: the host port load-balances a2 back to itself', () => {
  it('a2 → web → a2: DNAT + SNAT to the node IP on the host port, reply un-NATed to a2', () => {
    let r: Trace | null = null;
    for (let srcPort = 40000; srcPort < 40200 && !r; srcPort++) {
      const x = tr('new-2017', { from: 'a2', to: '10.96.10.10:80', srcPort, reply: true });
      const lb = x.hops.find((h) => h.phase === 'request' && h.action === 'lbnat');
      if (lb?.after.dstIp === '10.244.1.11') r = x;
    }
    expect(r).not.toBeNull();
    const t = r!;
    const lb = phase(t, 'request').find((h) => h.action === 'lbnat')!;
    expect(lb).toMatchObject({
      layer: 'SLB_LB_LAYER',
      priority: 100,
      confidence: 'inferred',
    });
    expect(lb.objectId).toMatch(/^port:win-a:host/);
    expect(lb.after).toMatchObject({ srcIp: '10.0.0.4', dstIp: '10.244.1.11', dstPort: 8080 });
    expect(lb.after.dstMac).toBe('00:15:5d:f4:01:0b');
    expect(t.hops.some((h) => h.component === 'wire')).toBe(false);
    expect(t.legs[0]).toMatchObject({ verdict: 'delivered', deliveredTo: { name: 'a2' } });
    expect(t.legs[0]!.final).toMatchObject({ srcIp: '10.0.0.4', dstIp: '10.244.1.11' });
    // Reply: a2 answers the node, the host port's flow restores the VIP.
    const back = phase(t, 'reply').find((h) => h.action === 'flow (inverse rewrite)' && h.rule)!;
    expect(back.confidence).toBe('observed');
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstIp: '10.244.1.11' });
    expect(t.final.dstPort).toBe(t.request.srcPort);
    expect(t.final.dstMac).toBe('00:15:5d:f4:01:0b');
  });
});
