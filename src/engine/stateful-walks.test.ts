/**
 * Walks that depend on VFP state and on the non-DSR host path: a pod behind a default-deny
 * ACL still gets the replies of its own connections (stateful ACLs, domain.md §5.2), and the
 * 2017 design's service traffic is addressed to the host (ROUTE NeedEncap, §2.3, §8.5).
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import type { Design, Topology } from '../model/types';
import { traceFlow, traceVerdict } from './trace';
import type { Hop, Trace, TraceRequest } from './types';

const topo = new Map<Design, Topology>();
const get = (d: Design) => topo.get(d) ?? (topo.set(d, buildScenario(d)), topo.get(d)!);
const tr = (d: Design, r: TraceRequest): Trace => traceFlow(get(d), r);
const phase = (t: Trace, ph: Hop['phase']) => t.hops.filter((h) => h.phase === ph);
const NEW: Design[] = ['new-2017', 'new-l2bridge', 'new-overlay'];
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
