import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { traceFlow } from './trace';
import type { Design } from '../model/types';
import type { Trace, TraceRequest } from './types';

const topo = new Map<Design, ReturnType<typeof buildScenario>>();
const get = (d: Design) => topo.get(d) ?? (topo.set(d, buildScenario(d)), topo.get(d)!);
const tr = (d: Design, r: TraceRequest): Trace => traceFlow(get(d), r);
const rules = (t: Trace, phase = 'request') =>
  t.hops
    .filter((h) => h.phase === phase && h.rule)
    .map((h) => h.rule!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID'));
const comps = (t: Trace) => [...new Set(t.hops.map((h) => h.component))];
const NEW: Design[] = ['new-l2bridge', 'new-overlay'];

describe('S1 pod → pod, same node', () => {
  it.each(NEW)('%s: exception, no SNAT, addresses unchanged', (d) => {
    const t = tr(d, { from: 'a1', to: 'a2:8080' });
    expect(t.verdict).toBe('delivered');
    expect(t.deliveredTo).toEqual({ kind: 'pod', name: 'a2', ip: '10.244.1.11' });
    expect(rules(t)).toContain('OUTBOUNDNAT_EXCEPTION_10.244.0.0/16');
    expect(t.final.srcIp).toBe('10.244.1.10');
    expect(comps(t)).not.toContain('wire');
  });
  it('old-winnat: cluster NIC, no NAT', () => {
    const t = tr('old-winnat', { from: 'a1', to: 'a2:8080' });
    expect(t.deliveredTo?.name).toBe('a2');
    expect(t.final.srcIp).toBe('10.244.1.10');
  });
});

describe('S2 pod → pod, other node', () => {
  it('new-l2bridge: MAC rewrite to host A → node B, IPs untouched', () => {
    const t = tr('new-l2bridge', { from: 'a1', to: 'b1:8080' });
    expect(t.deliveredTo?.name).toBe('b1');
    expect(rules(t)).toEqual(
      expect.arrayContaining([
        'PA_ROUTE_10.244.2.0/24',
        'MAC_REWRITE_OUT',
        'MAC_REWRITE_IN_10.244.2.10',
      ]),
    );
    const mac = t.hops.find((h) => h.rule === 'MAC_REWRITE_OUT')!;
    expect(mac.after.srcMac).not.toBe(mac.before.srcMac);
    expect(t.final).toMatchObject({ srcIp: '10.244.1.10', dstIp: '10.244.2.10', outer: null });
  });
  it('new-overlay: VXLAN encap VNI 4096 to 10.0.0.5, decap at b1', () => {
    const t = tr('new-overlay', { from: 'a1', to: 'b1:8080' });
    const enc = t.hops.find((h) => h.action === 'encap')!;
    expect(enc.layer).toBe('VNET_ENCAP_LAYER');
    expect(enc.after.outer).toEqual({
      srcIp: '10.0.0.4',
      dstIp: '10.0.0.5',
      proto: 17,
      dstPort: 4789,
      vni: 4096,
    });
    expect(t.hops.some((h) => h.component === 'wire' && h.before.outer?.vni === 4096)).toBe(true);
    expect(rules(t)).toContain('DECAP_4096');
    expect(t.final.outer).toBeNull();
    expect(t.deliveredTo?.name).toBe('b1');
  });
  it('old-winnat: cluster NIC → underlay route → b1', () => {
    const t = tr('old-winnat', { from: 'a1', to: 'b1:8080' });
    expect(t.deliveredTo?.name).toBe('b1');
    expect(t.hops.find((h) => h.component === 'wire')?.why[0]).toMatch(
      /10.244.2.0\/24 via 10.0.0.5/,
    );
  });
});

describe('S3 pod → ClusterIP, and the reply', () => {
  it.each(NEW)('%s: LB_DSR lbnat at a1, client IP kept, reply un-DNATed', (d) => {
    const t = tr(d, { from: 'a1', to: '10.96.10.10:80', reply: true });
    const lb = t.hops.find((h) => h.layer === 'LB_DSR' && h.action === 'lbnat')!;
    expect(lb.rule).toMatch(/^LB_DSR_.*_10\.0\.0\.4_10\.96\.10\.10_80_8080_6$/);
    expect(['10.244.1.11', '10.244.2.10']).toContain(lb.after.dstIp);
    expect(lb.after.dstPort).toBe(8080);
    expect(lb.after.srcIp).toBe('10.244.1.10');
    expect(t.legs[0]!.deliveredTo?.kind).toBe('pod');
    expect(t.hops.some((h) => h.phase === 'reply' && h.action === 'flow (inverse rewrite)')).toBe(
      true,
    );
    expect(t.final).toMatchObject({
      srcIp: '10.96.10.10',
      srcPort: 80,
      dstIp: '10.244.1.10',
      dstPort: 50000,
    });
    expect(t.deliveredTo?.name).toBe('a1');
  });
  it('old-winnat: user-space kube-proxy, two connections, backend sees the host', () => {
    const t = tr('old-winnat', { from: 'a1', to: '10.96.10.10:80', reply: true });
    const kp = t.hops.find((h) => h.component === 'kube-proxy' && h.phase === 'request')!;
    expect(kp.before.dstIp).toBe('10.96.10.10');
    expect(kp.after.dstPort).toBe(8080);
    expect(t.legs[0]!.final.srcIp).not.toMatch(/^10\.244\./);
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstPort: 50000 });
    expect(t.verdict).toBe('delivered');
  });
});

describe('S4 pod → kube-dns', () => {
  it.each(NEW)('%s: UDP and TCP 53 rules', (d) => {
    for (const [proto, n] of [
      ['udp', 17],
      ['tcp', 6],
    ] as const) {
      const t = tr(d, { from: 'a1', to: '10.96.0.10:53', proto });
      expect(t.deliveredTo?.name).toBe('coredns');
      expect(rules(t).some((r) => r.endsWith(`_10.96.0.10_53_53_${n}`))).toBe(true);
    }
  });
  it('old-winnat: DNS proxy appends suffixes', () => {
    const t = tr('old-winnat', { from: 'a1', to: '10.96.0.10:53', proto: 'udp' });
    expect(t.deliveredTo?.name).toBe('coredns');
    expect(t.hops.find((h) => h.component === 'kube-proxy')!.why.join(' ')).toMatch(/suffixes/);
  });
});

describe('S5 pod → internet', () => {
  it.each(NEW)('%s: SNAT_TCP_OUTBOUNDNAT to the node IP; reply restored; ICMP dropped', (d) => {
    const t = tr(d, { from: 'a1', to: '203.0.113.10:443', reply: true });
    const snat = t.hops.find((h) => h.action === 'dynnat')!;
    expect(snat.layer).toBe('SLB_NAT_LAYER');
    expect(snat.rule).toMatch(/^SNAT_TCP_OUTBOUNDNAT_/);
    expect(snat.after.srcIp).toBe('10.0.0.4');
    expect(t.legs[0]!.deliveredTo?.name).toBe('internet-server');
    expect(t.final).toMatchObject({ srcIp: '203.0.113.10', dstIp: '10.244.1.10', dstPort: 50000 });
    const ping = tr(d, { from: 'a1', to: '203.0.113.10', proto: 'icmp' });
    expect(ping.verdict).toBe('dropped');
    expect(ping.reason).toMatch(/ICMP/);
  });
  it('old-winnat: NAT NIC → WinNAT → node IP', () => {
    const t = tr('old-winnat', { from: 'a1', to: '203.0.113.10:443', reply: true });
    const nat = t.hops.find((h) => h.component === 'winnat' && h.phase === 'request')!;
    expect(nat.after.srcIp).toBe('10.0.0.4');
    expect(t.verdict).toBe('delivered');
    expect(t.final.dstPort).toBe(50000);
  });
});

describe('S6 external client → NodePort', () => {
  it.each(NEW)('%s: host port SLB_LB_LAYER DNAT+SNAT, reply returns to the client', (d) => {
    const t = tr(d, { from: 'external-client', to: '10.0.0.4:30080', reply: true });
    const lb = t.hops.find((h) => h.layer === 'SLB_LB_LAYER' && h.phase === 'request')!;
    expect(lb.action).toBe('lbnat');
    expect(lb.after.dstPort).toBe(8080);
    expect(lb.after.srcIp).not.toBe('198.51.100.7');
    expect(t.deliveredTo?.name).toBe('external-client');
    expect(t.final).toMatchObject({ srcIp: '10.0.0.4', srcPort: 30080, dstIp: '198.51.100.7' });
  });
  it.each(NEW)('%s: NodePort and externalIP replies return for local and remote backends', (d) => {
    const backends = new Set<string>();
    for (const to of ['10.0.0.4:30080', '10.0.0.100:80']) {
      for (let srcPort = 40000; srcPort < 40016; srcPort++) {
        const t = tr(d, { from: 'external-client', to, srcPort, reply: true });
        expect(t.verdict, `${to} from port ${srcPort}: ${t.reason}`).toBe('delivered');
        expect(t.deliveredTo?.name).toBe('external-client');
        expect(t.final.dstPort).toBe(srcPort);
        const lb = t.hops.find((h) => h.layer === 'SLB_LB_LAYER' && h.phase === 'request')!;
        backends.add(lb.after.dstIp);
      }
    }
    // Both a2 (local to win-a) and b1 (remote; over VXLAN on overlay) were exercised.
    expect([...backends].sort()).toEqual(['10.244.1.11', '10.244.2.10']);
  });
  it.each(NEW)('%s: NodePort from its own node is dropped (known limit)', (d) => {
    const t = tr(d, { from: 'win-a', to: '10.0.0.4:30080' });
    expect(t.verdict).toBe('dropped');
    expect(t.reason).toMatch(/own node/);
  });
});

describe('S8 host → pod and S9 NetworkPolicy on b2', () => {
  it.each([...NEW, 'old-winnat' as const])('%s: host → a1', (d) => {
    expect(tr(d, { from: 'win-a', to: 'a1:8080' }).deliveredTo?.name).toBe('a1');
  });
  it.each(NEW)('%s: a1 → b2 blocked by the ACL, a2 → b2 allowed', (d) => {
    const bad = tr(d, { from: 'a1', to: 'b2:8080' });
    expect(bad.verdict).toBe('dropped');
    const drop = bad.hops[bad.hops.length - 1]!;
    expect(drop).toMatchObject({
      layer: 'ACL_ENDPOINT_LAYER',
      group: 'ACL_ENDPOINT_GROUP_IPV4_IN',
      action: 'drop',
    });
    expect(drop.nearMisses.some((m) => m.field === 'src')).toBe(true);
    const ok = tr(d, { from: 'a2', to: 'b2:8080', reply: true });
    expect(ok.legs[0]!.deliveredTo?.name).toBe('b2');
    expect(ok.verdict).toBe('delivered');
  });
  it('old-winnat: no ACLs, a1 → b2 passes', () => {
    expect(tr('old-winnat', { from: 'a1', to: 'b2:8080' }).verdict).toBe('delivered');
  });
});

describe('inputs', () => {
  it('rejects unknown names and malformed addresses naming the argument', () => {
    expect(() => tr('new-l2bridge', { from: 'nope', to: 'a2' })).toThrow(/--from/);
    expect(() => tr('new-l2bridge', { from: 'a1', to: '10.0.0.300:80' })).toThrow(/--to/);
  });
});
