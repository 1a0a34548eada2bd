/**
 * Every canonical walk of domain.md §7 (S1–S12) in every design where it applies, request and
 * reply: the path, the rules that acted (with their priorities, read from the topology),
 * the rewrites, the MACs and the confidence of the acting hops.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { DESIGNS, type Design, type Topology } from '../model/types';
import { compiledPort, compileTopology } from './compile';
import { traceFlow, traceVerdict } from './trace';
import type { Hop, Trace, TraceRequest } from './types';

const ALL: Design[] = [...DESIGNS];
const NEW: Design[] = ALL.filter((d) => d !== 'old-winnat');
const DSR: Design[] = ['new-l2bridge', 'new-overlay'];
const NON_DSR: Design[] = ['new-2017', 'new-overlay-nodsr'];
const OVERLAY: Design[] = ['new-overlay', 'new-overlay-nodsr'];
const topo = new Map<Design, Topology>();
const get = (d: Design) => topo.get(d) ?? (topo.set(d, buildScenario(d)), topo.get(d)!);
const tr = (d: Design, r: TraceRequest): Trace => traceFlow(get(d), r);
const legs = (t: Trace) => t.legs.map((l) => `${l.verdict}:${l.deliveredTo?.name ?? '-'}`);
const MAC = {
  hostA: '00:15:5d:00:00:04',
  hostB: '00:15:5d:00:00:05',
};

/** The priority the topology gives the rule a hop names (on that hop's port, own or shared list). */
function priorityOf(d: Design, h: Hop): number | null {
  const cp = h.objectId ? compiledPort(compileTopology(get(d)), h.objectId) : undefined;
  for (const cl of cp?.layers ?? [])
    for (const g of [...cl.inGroups, ...cl.outGroups])
      if (cl.layer.name === h.layer && g.group.name === h.group)
        for (const r of g.rules) if (r.name === h.rule) return r.priority;
  return null;
}

/** The rules that acted in `phase`, with their priority as the topology holds it. */
function acting(d: Design, t: Trace, phase: Hop['phase'] = 'request') {
  return t.hops
    .filter((h) => h.phase === phase && h.rule && h.ruleId && h.action !== 'no match')
    .map((h) => ({
      rule: h.rule!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID'),
      layer: h.layer,
      priority: priorityOf(d, h),
      action: h.action,
      confidence: h.confidence,
    }));
}
const find = (d: Design, t: Trace, rule: RegExp, phase: Hop['phase'] = 'request') =>
  acting(d, t, phase).find((r) => rule.test(r.rule));

describe('S1 pod → pod, same node', () => {
  it.each(ALL)('%s: bridged in the switch, no NAT, both legs', (d) => {
    const t = tr(d, { from: 'a1', to: 'a2:8080', reply: true });
    expect(legs(t)).toEqual(['delivered:a2', 'delivered:a1']);
    expect(t.hops.some((h) => h.component === 'wire' || h.component === 'host-stack')).toBe(false);
    expect(t.legs[0]!.final).toMatchObject({ srcIp: '10.244.1.10', dstIp: '10.244.1.11' });
    expect(t.final).toMatchObject({ srcIp: '10.244.1.11', srcPort: 8080, dstIp: '10.244.1.10' });
    if (d !== 'old-winnat') {
      expect(find(d, t, /^OUTBOUNDNAT_EXCEPTION_10\.244\.0\.0\/16$/)).toMatchObject({
        layer: 'SLB_NAT_LAYER',
        priority: 1000,
        action: 'allow',
        confidence: 'inferred',
      });
      // The reply leaves a2 by the flow its connection made coming in: no OUT rule re-decides.
      const back = t.hops.find((h) => h.phase === 'reply' && h.objectId === 'port:win-a:a2')!;
      expect(
        t.hops.filter((h) => h.phase === 'reply' && h.action === 'flow (inverse rewrite)').length,
      ).toBeGreaterThan(0);
      expect(back).toBeDefined();
    }
    expect(t.hops.some((h) => h.action === 'dynnat' || h.action === 'lbnat')).toBe(false);
  });
});

describe('S2 pod → pod, other node', () => {
  it.each(['new-2017', 'new-l2bridge'] as Design[])('%s: host-gw route and MAC rewrite', (d) => {
    const t = tr(d, { from: 'a1', to: 'b1:8080', reply: true });
    expect(legs(t)).toEqual(['delivered:b1', 'delivered:a1']);
    expect(find(d, t, /^PA_ROUTE_10\.244\.2\.0\/24$/)).toMatchObject({
      layer: 'VNET_PA_ROUTE_LAYER',
      priority: 100,
      action: 'paroute',
    });
    const out = t.hops.find((h) => h.phase === 'request' && h.rule === 'MAC_REWRITE_OUT')!;
    expect(out.after).toMatchObject({ srcMac: MAC.hostA, dstMac: MAC.hostB });
    const wire = t.hops.find((h) => h.phase === 'request' && h.component === 'wire')!;
    expect(wire.before).toMatchObject({ srcIp: '10.244.1.10', dstIp: '10.244.2.10', outer: null });
    expect(t.legs[0]!.final.dstMac).toBe('00:15:5d:f4:02:0a');
    // Reply: the same, mirrored.
    expect(find(d, t, /^PA_ROUTE_10\.244\.1\.0\/24$/, 'reply')?.priority).toBe(100);
    expect(t.final.dstMac).toBe('00:15:5d:f4:01:0a');
  });
  it.each(OVERLAY)('%s: VXLAN both ways, decapsulated to the pod MAC', (d) => {
    const t = tr(d, { from: 'a1', to: 'b1:8080', reply: true });
    expect(legs(t)).toEqual(['delivered:b1', 'delivered:a1']);
    expect(find(d, t, /^ENCAP_10\.244\.2\.0\/24_10\.0\.0\.5_4096$/)).toMatchObject({
      layer: 'VNET_ENCAP_LAYER',
      priority: 100,
      action: 'encap',
      confidence: 'inferred',
    });
    expect(find(d, t, /^ENCAP_10\.244\.1\.0\/24_10\.0\.0\.4_4096$/, 'reply')?.action).toBe('encap');
    expect(find(d, t, /^DECAP_4096$/, 'reply')?.action).toBe('decap');
    const wire = t.hops.filter((h) => h.component === 'wire');
    expect(wire.map((h) => h.before.outer?.dstIp)).toEqual(['10.0.0.5', '10.0.0.4']);
    expect(t.final).toMatchObject({ outer: null, dstMac: '0e:2a:0a:f4:01:0a' });
  });
  it('old-winnat: cluster NIC, underlay route, pod IPs kept both ways', () => {
    const t = tr('old-winnat', { from: 'a1', to: 'b1:8080', reply: true });
    expect(legs(t)).toEqual(['delivered:b1', 'delivered:a1']);
    expect(t.hops.filter((h) => h.component === 'wire').map((h) => h.why[0])).toEqual([
      'underlay route 10.244.2.0/24 via 10.0.0.5 (win-b)',
      'underlay route 10.244.1.0/24 via 10.0.0.4 (win-a)',
    ]);
    expect(t.hops.some((h) => h.component === 'winnat')).toBe(false);
  });
});

describe('S3 pod → ClusterIP', () => {
  it.each(DSR)('%s: LB_DSR at a1 (priority 100, inferred rewrite), un-DNAT on reply', (d) => {
    const t = tr(d, { from: 'a1', to: '10.96.10.10:80', reply: true, srcPort: 40001 });
    expect(t.verdict).toBe('delivered');
    const lb = find(d, t, /^LB_DSR_ID_10\.0\.0\.4_10\.96\.10\.10_80_8080_6$/)!;
    expect(lb).toMatchObject({ layer: 'LB_DSR', priority: 100, action: 'lbnat' });
    expect(lb.confidence).toBe('inferred');
    expect(t.legs[0]!.final.srcIp).toBe('10.244.1.10');
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstIp: '10.244.1.10' });
  });
  it('new-2017: ROUTE NeedEncap to the host port, DNAT + SNAT there, reply un-NATed', () => {
    const d: Design = 'new-2017';
    const t = tr(d, { from: 'a1', to: '10.96.10.10:80', reply: true, srcPort: 40001 });
    expect(t.verdict).toBe('delivered');
    expect(acting(d, t).some((r) => r.layer === 'LB_DSR')).toBe(false);
    const steer = t.hops.find((h) => h.component === 'vswitch' && /NeedEncap/.test(h.why[0]!))!;
    expect(steer.confidence).toBe('inferred');
    const lb = find(d, t, /^LB_ID_10\.96\.10\.10_80_8080_6$/)!;
    expect(lb).toMatchObject({ layer: 'SLB_LB_LAYER', priority: 100, confidence: 'inferred' });
    expect(t.legs[0]!.final.srcIp).toBe('10.0.0.4');
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstIp: '10.244.1.10' });
  });
  it('new-overlay-nodsr: NeedEncap to the host port, DNAT + SNAT to the source VIP, reply un-NATed', () => {
    const d: Design = 'new-overlay-nodsr';
    const t = tr(d, { from: 'a1', to: '10.96.10.10:80', reply: true, srcPort: 40001 });
    expect(legs(t)).toEqual(['delivered:a2', 'delivered:a1']);
    expect(acting(d, t).some((r) => r.layer === 'LB_DSR')).toBe(false);
    const lb = find(d, t, /^LB_ID_10\.96\.10\.10_80_8080_6$/)!;
    expect(lb).toMatchObject({ layer: 'SLB_LB_LAYER', priority: 100, confidence: 'inferred' });
    const hop = t.hops.find((h) => h.phase === 'request' && h.action === 'lbnat')!;
    expect(hop.why.join(' ')).toMatch(/source NAT to 10\.244\.1\.2 \(the kube-proxy source VIP/);
    // The backend sees the source VIP, not a1 and not the node IP.
    expect(t.legs[0]!.final).toMatchObject({
      srcIp: '10.244.1.2',
      dstIp: '10.244.1.11',
      dstPort: 8080,
    });
    expect(t.legs[0]!.final.dstMac).toBe('0e:2a:0a:f4:01:0b');
    const unNat = t.hops.find((h) => h.phase === 'reply' && h.layer === 'SLB_LB_LAYER')!;
    expect(unNat).toMatchObject({ action: 'flow (inverse rewrite)', confidence: 'observed' });
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstIp: '10.244.1.10' });
    expect(t.final.dstMac).toBe('0e:2a:0a:f4:01:0a');
  });
  it('old-winnat: user space, two connections, backend sees the host', () => {
    const t = tr('old-winnat', { from: 'a1', to: '10.96.10.10:80', reply: true });
    expect(t.hops.filter((h) => h.action === 'proxy' || h.action === 'proxy reply')).toHaveLength(
      2,
    );
    expect(t.legs[0]!.final.srcIp).toBe('10.0.0.4');
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80 });
  });
});

describe('pod-port layers: LB_DSR only where kube-proxy programs DSR', () => {
  const layersOf = (d: Design) => {
    const t = get(d);
    const out: string[][] = [];
    for (const port of Object.values(t.ports))
      if (port.kind === 'container' && port.layerIds.length > 0)
        out.push(port.layerIds.map((id) => t.layers[id]!.name));
    return out;
  };
  it.each(NEW)('%s: every local pod port has LB_DSR exactly when the design is DSR', (d) => {
    const ports = layersOf(d);
    expect(ports.length).toBeGreaterThan(0);
    for (const names of ports) {
      expect(names.includes('LB_DSR')).toBe(DSR.includes(d));
      expect(names).toContain('SLB_NAT_LAYER');
    }
  });
  it.each(NON_DSR)('%s: no trace shows an LB_DSR hop, on either leg', (d) => {
    for (const to of ['10.96.10.10:80', '10.96.0.10:53', 'b1:8080', '203.0.113.10:443']) {
      const t = tr(d, { from: 'a1', to, reply: true, proto: to.endsWith(':53') ? 'udp' : 'tcp' });
      expect(
        t.hops.filter((h) => h.layer === 'LB_DSR'),
        `${d} → ${to}`,
      ).toEqual([]);
    }
  });
});

describe('S3 and S8: MACs and confidence on both legs', () => {
  const POD = (d: Design, last: string) =>
    d === 'new-overlay' || d === 'new-overlay-nodsr'
      ? `0e:2a:0a:f4:01:${last}`
      : `00:15:5d:f4:01:${last}`;
  it.each(NEW)(
    '%s S3 (backend a2): the frames reach a2 and a1 addressed to their own MACs',
    (d) => {
      const t = tr(d, { from: 'a1', to: '10.96.10.10:80', reply: true, srcPort: 40001 });
      expect(legs(t)).toEqual(['delivered:a2', 'delivered:a1']);
      expect(t.legs[0]!.final.dstMac).toBe(POD(d, '0b'));
      expect(t.final.dstMac).toBe(POD(d, '0a'));
      if (DSR.includes(d)) {
        // Same node, DSR: a1 → a2 directly, so the frames carry the pods' own MACs.
        expect(t.legs[0]!.final.srcMac).toBe(POD(d, '0a'));
        expect(t.final.srcMac).toBe(POD(d, '0b'));
      } else {
        // Without DSR the host port load-balances: it sends to a2 and answers a1 from the
        // host's MAC, on L2Bridge and overlay alike.
        expect(t.legs[0]!.final.srcMac).toBe(MAC.hostA);
        expect(t.final.srcMac).toBe(MAC.hostA);
      }
      const lb = t.hops.find((h) => h.phase === 'request' && h.action === 'lbnat')!;
      expect(lb.confidence).toBe('inferred');
      const back = t.hops.filter(
        (h) => h.phase === 'reply' && h.action === 'flow (inverse rewrite)',
      );
      expect(back.length).toBeGreaterThan(0);
      for (const h of back) expect(['observed', 'inferred']).toContain(h.confidence);
      expect(t.hops.find((h) => h.phase === 'reply' && h.action === 'deliver')?.confidence).toBe(
        'documented',
      );
    },
  );
  it.each(ALL)('%s S8: host → a1 and back, with the host and pod MACs', (d) => {
    const t = tr(d, { from: 'win-a', to: 'a1:8080', reply: true });
    expect(t.legs[0]!.final).toMatchObject({ srcMac: MAC.hostA, dstMac: POD(d, '0a') });
    expect(t.final.dstMac).toBe(MAC.hostA);
    // The old design's a1 answers the host by its default route: the NAT NIC's MAC, the
    // cluster address kept (domain.md §8.6, weak-host send).
    expect(t.final.srcMac).toBe(d === 'old-winnat' ? '00:15:5d:14:01:0a' : POD(d, '0a'));
    expect(t.final.srcIp).toBe('10.244.1.10');
    const delivers = t.hops.filter((h) => h.action === 'deliver');
    expect(delivers.map((h) => [h.phase, h.confidence])).toEqual([
      ['request', 'documented'],
      ['reply', 'documented'],
    ]);
  });
});

describe('S4 pod → kube-dns (UDP 53)', () => {
  it.each(ALL)('%s: reaches CoreDNS and the answer comes from 10.96.0.10:53', (d) => {
    const t = tr(d, { from: 'a1', to: '10.96.0.10:53', proto: 'udp', reply: true });
    expect(legs(t)).toEqual(['delivered:coredns', 'delivered:a1']);
    expect(t.final).toMatchObject({ srcIp: '10.96.0.10', srcPort: 53, proto: 17 });
    if (DSR.includes(d)) expect(find(d, t, /_10\.96\.0\.10_53_53_17$/)?.layer).toBe('LB_DSR');
    if (NON_DSR.includes(d))
      expect(find(d, t, /_10\.96\.0\.10_53_53_17$/)?.layer).toBe('SLB_LB_LAYER');
    if (d === 'old-winnat')
      expect(t.hops.find((h) => h.action === 'proxy')!.why.join(' ')).toMatch(/suffixes/);
  });
});

describe('S5 pod → internet', () => {
  it.each(NEW)(
    '%s: SNAT_*_OUTBOUNDNAT (dynnat, priority 2000) to the node IP; ICMP dropped',
    (d) => {
      const t = tr(d, { from: 'a1', to: '203.0.113.10:443', reply: true });
      expect(legs(t)).toEqual(['delivered:internet-server', 'delivered:a1']);
      const snat = find(d, t, /^SNAT_TCP_OUTBOUNDNAT_/)!;
      expect(snat).toMatchObject({ layer: 'SLB_NAT_LAYER', priority: 2000, action: 'dynnat' });
      expect(t.legs[0]!.final).toMatchObject({ srcIp: '10.0.0.4', srcMac: MAC.hostA });
      expect(t.final).toMatchObject({
        srcIp: '203.0.113.10',
        dstIp: '10.244.1.10',
        dstPort: 50000,
      });
      expect(t.hops.some((h) => h.phase === 'reply' && h.action === 'flow (inverse rewrite)')).toBe(
        true,
      );
      const ping = tr(d, { from: 'a1', to: '203.0.113.10', proto: 'icmp' });
      expect(ping.verdict).toBe('dropped');
      expect(ping.hops[ping.hops.length - 1]!.confidence).toBe('documented');
    },
  );
  it('old-winnat: NAT NIC → WinNAT → node IP, un-NATed on the way back', () => {
    const t = tr('old-winnat', { from: 'a1', to: '203.0.113.10:443', reply: true });
    expect(legs(t)).toEqual(['delivered:internet-server', 'delivered:a1']);
    expect(t.hops.map((h) => h.component).filter((c) => c === 'winnat')).toHaveLength(2);
    expect(t.final.dstIp).toBe('172.20.1.10');
  });
});

describe('S6 external client → NodePort, and S7 → externalIP', () => {
  it.each(ALL)('%s: both frontends reach a backend and answer the client', (d) => {
    for (const to of ['10.0.0.4:30080', '10.0.0.100:80']) {
      const t = tr(d, { from: 'external-client', to, reply: true });
      expect(legs(t)[1], `${d} ${to}`).toBe('delivered:external-client');
      expect(t.legs[0]!.deliveredTo?.kind).toBe('pod');
      const [ip, port] = to.split(':');
      expect(t.final).toMatchObject({ srcIp: ip, srcPort: Number(port), dstIp: '198.51.100.7' });
      // The backend never sees the client (SNAT on the host port, or user-space proxy).
      expect(t.legs[0]!.final.srcIp).not.toBe('198.51.100.7');
      if (d === 'old-winnat') expect(t.hops.some((h) => h.action === 'proxy')).toBe(true);
      else
        expect(
          acting(d, t).find((r) => r.layer === 'SLB_LB_LAYER' && r.action === 'lbnat')?.priority,
        ).toBe(100);
    }
  });
  it.each(NEW)('%s: a NodePort from its own node is dropped (documented limit)', (d) => {
    const t = tr(d, { from: 'win-a', to: '10.0.0.4:30080' });
    expect(t.verdict).toBe('dropped');
    expect(t.hops[t.hops.length - 1]).toMatchObject({ action: 'drop', confidence: 'documented' });
  });
});

describe('S8 host → local pod', () => {
  it.each(ALL)('%s: delivered, and the reply reaches the host', (d) => {
    const t = tr(d, { from: 'win-a', to: 'a1:8080', reply: true });
    expect(legs(t)).toEqual(['delivered:a1', 'delivered:win-a']);
    expect(t.final).toMatchObject({ srcIp: '10.244.1.10', srcPort: 8080 });
  });
});

describe('S9 NetworkPolicy deny on b2', () => {
  it.each(NEW)('%s: a1 → b2 blocked by Calico’s final block (priority 65000) at b2 IN', (d) => {
    const t = tr(d, { from: 'a1', to: 'b2:8080' });
    expect(t.verdict).toBe('dropped');
    const drop = t.hops[t.hops.length - 1]!;
    expect(drop).toMatchObject({
      layer: 'ACL_ENDPOINT_LAYER',
      group: 'ACL_ENDPOINT_GROUP_IPV4_IN',
      rule: 'policy-default.b2-allow-from-a2-deny',
      action: 'drop',
      nameSource: 'seen',
      confidence: 'documented',
    });
    expect(priorityOf(d, drop)).toBe(65000);
    // The allow rules were considered first (lower numbers), and missed on the source.
    expect(drop.nearMisses.map((m) => m.field)).toContain('src');
    expect(drop.verify.join(' ')).toMatch(/--type drop/);
    const ok = tr(d, { from: 'a2', to: 'b2:8080', reply: true });
    expect(legs(ok)).toEqual(['delivered:b2', 'delivered:a2']);
  });
  it('old-winnat: no ACLs, a1 → b2 passes', () => {
    expect(tr('old-winnat', { from: 'a1', to: 'b2:8080' }).verdict).toBe('delivered');
  });
});

describe('S10 pod → own node IP', () => {
  it.each(['new-2017', 'new-l2bridge'] as Design[])(
    '%s: node subnet exception, no SNAT; reply back to the pod',
    (d) => {
      const t = tr(d, { from: 'a1', to: '10.0.0.4:10250', reply: true });
      expect(legs(t)).toEqual(['delivered:win-a', 'delivered:a1']);
      expect(find(d, t, /^OUTBOUNDNAT_EXCEPTION_10\.0\.0\.0\/24$/)?.priority).toBe(1002);
      expect(t.legs[0]!.final.srcIp).toBe('10.244.1.10');
      expect(t.hops.some((h) => h.component === 'wire')).toBe(false);
    },
  );
  it.each(OVERLAY)(
    '%s: SNATed to the node IP (no node-subnet exception, §2.4); the answer never reaches a1',
    (d) => {
      const t = tr(d, { from: 'a1', to: '10.0.0.4:10250', reply: true, srcPort: 40001 });
      expect(t.legs.map((l) => l.verdict)).toEqual(['delivered', 'dropped']);
      expect(t.legs[0]!.deliveredTo).toMatchObject({ kind: 'host', name: 'win-a' });
      expect(find(d, t, /^SNAT_TCP_OUTBOUNDNAT_/)).toMatchObject({
        layer: 'SLB_NAT_LAYER',
        priority: 2000,
        action: 'dynnat',
        confidence: 'documented',
      });
      expect(find(d, t, /^OUTBOUNDNAT_EXCEPTION_10\.0\.0\.0\/24$/)).toBeUndefined();
      // The request reaches the host with the host's own address and MAC as source.
      expect(t.legs[0]!.final).toMatchObject({
        srcIp: '10.0.0.4',
        dstIp: '10.0.0.4',
        dstPort: 10250,
        srcMac: MAC.hostA,
      });
      expect(t.hops.some((h) => h.component === 'wire')).toBe(false);
      // The reply: addressed to the host itself, it never leaves the host stack.
      const reply = t.hops.filter((h) => h.phase === 'reply');
      expect(reply).toHaveLength(1);
      expect(reply[0]).toMatchObject({
        component: 'host-stack',
        action: 'drop',
        confidence: 'inferred',
      });
      expect(reply[0]!.ref).toMatch(/§2\.4/);
      expect(t.final).toMatchObject({ srcIp: '10.0.0.4', srcPort: 10250, dstIp: '10.0.0.4' });
      expect(t.legs[1]!.reason).toMatch(/addressed to the node itself/);
      expect(traceVerdict(get(d), { from: 'a1', to: '10.0.0.4:10250', reply: true })).toBe(
        'dropped',
      );
      // The host talking to itself is still answered.
      expect(
        tr(d, { from: 'win-a', to: '10.0.0.4:10250', reply: true }).legs.map((l) => l.verdict),
      ).toEqual(['delivered', 'delivered']);
    },
  );
});
