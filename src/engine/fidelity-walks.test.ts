/**
 * Corner cases of the canonical walks (domain.md §7) that a review found wrong: hairpin (S12),
 * the old design's externalIP (S7) and reply routing, overlay OutBoundNAT exceptions and MACs,
 * layer order on replies, and smaller model errors. Request and reply legs each.
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
const NEW: Design[] = ['new-l2bridge', 'new-overlay'];
const A2 = '10.244.1.11';

/** a2 → web ClusterIP, with a source port whose backend is a2 itself. */
function selfPick(d: Design): Trace {
  for (let srcPort = 40000; srcPort < 40200; srcPort++) {
    const t = tr(d, { from: 'a2', to: '10.96.10.10:80', srcPort, reply: true });
    const picked = t.hops.find((h) => h.phase === 'request' && h.action === 'lbnat');
    if (picked && picked.after.dstIp === A2) return t;
    if (t.hops.some((h) => h.component === 'kube-proxy' && h.after.dstIp === A2)) return t;
  }
  throw new Error(`${d}: no source port picks a2`);
}

describe('S12 hairpin: pod → Service → itself stays inside the node', () => {
  it.each([...NEW, 'new-2017' as const, 'old-winnat' as const])(
    '%s: never the wire, never source = destination',
    (d) => {
      const t = selfPick(d);
      expect(t.hops.some((h) => h.component === 'wire')).toBe(false);
      expect(t.hops.some((h) => h.name === 'ExternalPort')).toBe(false);
      for (const l of t.legs)
        if (l.verdict === 'delivered') expect(l.final.srcIp).not.toBe(l.final.dstIp);
    },
  );

  it('new-l2bridge (WS2019, DSR): dropped at the sending port with the hairpin reason', () => {
    const t = selfPick('new-l2bridge');
    expect(t.verdict).toBe('dropped');
    expect(t.legs).toHaveLength(1);
    expect(t.reason).toMatch(/hairpin to the sending endpoint/);
    const drop = t.hops[t.hops.length - 1]!;
    expect(drop).toMatchObject({
      component: 'port',
      objectId: 'port:win-a:a2',
      action: 'drop',
      confidence: 'observed',
    });
    expect(drop.ref).toMatch(/S12/);
    expect(drop.verify.join(' ')).toMatch(/pktmon .*--type drop/);
    // The LB rewrite happened first, at a2's own port.
    expect(phase(t, 'request').find((h) => h.action === 'lbnat')?.layer).toBe('LB_DSR');
  });

  it('new-overlay (WS2019, DSR, source VIP): hairpinned with SNAT to the source VIP; reply un-NATed', () => {
    const t = selfPick('new-overlay');
    expect(t.verdict).toBe('delivered');
    const hp = phase(t, 'request').find((h) => h.action === 'hairpin')!;
    expect(hp).toMatchObject({
      component: 'port',
      objectId: 'port:win-a:a2',
      confidence: 'inferred',
    });
    expect(hp.before).toMatchObject({ srcIp: A2, dstIp: A2, dstPort: 8080 });
    expect(hp.after.srcIp).toBe('10.244.1.2');
    expect(hp.ref).toMatch(/S12/);
    expect(t.legs[0]!.deliveredTo).toMatchObject({ kind: 'pod', name: 'a2' });
    expect(t.legs[0]!.final).toMatchObject({ srcIp: '10.244.1.2', dstIp: A2, dstPort: 8080 });
    // Reply: the hairpin SNAT is undone, then the LB flow restores the VIP.
    expect(phase(t, 'reply').some((h) => h.action === 'hairpin')).toBe(true);
    expect(phase(t, 'reply').some((h) => h.action === 'flow (inverse rewrite)')).toBe(true);
    expect(t.deliveredTo).toMatchObject({ kind: 'pod', name: 'a2' });
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstIp: A2 });
    expect(t.final.dstPort).toBe(t.request.srcPort);
  });

  it('old-winnat: the user-space proxy dials a2 from the host; reply via the proxy', () => {
    const t = selfPick('old-winnat');
    expect(t.verdict).toBe('delivered');
    expect(t.legs[0]!.final.srcIp).toBe('10.0.0.4');
    // a2 reached the VIP by its NAT NIC (default route to the host), so the reply comes back there.
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80, dstIp: '172.20.1.11' });
  });

  it.each([...NEW, 'old-winnat' as const])('%s: the verdict-only walk agrees', (d) => {
    const t = selfPick(d);
    expect(traceVerdict(get(d), { ...t.request, from: 'a2', to: '10.96.10.10:80' })).toBe(
      t.verdict,
    );
  });
});

describe('S7 old design: externalIP through the user-space proxy (corrected)', () => {
  it('external client → 10.0.0.100:80 reaches a backend, client IP lost; reply to the client', () => {
    const t = tr('old-winnat', { from: 'external-client', to: '10.0.0.100:80', reply: true });
    const kp = phase(t, 'request').find((h) => h.component === 'kube-proxy')!;
    expect(kp).toMatchObject({ action: 'proxy', node: 'win-a' });
    expect(kp.before).toMatchObject({ srcIp: '198.51.100.7', dstIp: '10.0.0.100', dstPort: 80 });
    expect(kp.after.dstPort).toBe(8080);
    expect(kp.why.join(' ')).toMatch(/listener 10\.0\.0\.100:80/);
    expect(t.legs[0]!.deliveredTo?.kind).toBe('pod');
    expect(t.legs[0]!.final.srcIp).not.toBe('198.51.100.7');
    expect(t.deliveredTo?.name).toBe('external-client');
    expect(t.final).toMatchObject({ srcIp: '10.0.0.100', srcPort: 80, dstIp: '198.51.100.7' });
  });
});

describe('old design: replies follow the replying pod’s routes', () => {
  it('host → a1: the reply to the host address leaves by the NAT NIC (default route)', () => {
    const t = tr('old-winnat', { from: 'win-a', to: 'a1:8080', reply: true });
    expect(t.legs[0]!.deliveredTo?.name).toBe('a1');
    // The request came in on a1's cluster NIC …
    expect(phase(t, 'request').some((h) => h.objectId === 'port:win-a:a1:cluster')).toBe(true);
    // … the reply leaves by the NAT NIC, as a1's route table says.
    const send = phase(t, 'reply')[0]!;
    expect(send).toMatchObject({
      action: 'send',
      objectId: 'port:win-a:a1:nat',
      confidence: 'inferred',
    });
    expect(send.why.join(' ')).toMatch(/0\.0\.0\.0\/0 → endpoint a1_nat/);
    expect(send.why.join(' ')).toMatch(/came in on a1_podnetwork/);
    expect(phase(t, 'reply').some((h) => h.objectId === 'port:win-a:a1:cluster')).toBe(false);
    expect(t.final).toMatchObject({ srcIp: '10.244.1.10', srcPort: 8080, dstIp: '10.0.0.4' });
    expect(t.assumptions.join(' ')).toMatch(/weak-host/);
  });

  it('pod → pod: the reply stays on the cluster NIC (cluster CIDR route)', () => {
    const t = tr('old-winnat', { from: 'a1', to: 'b1:8080', reply: true });
    const send = phase(t, 'reply')[0]!;
    expect(send).toMatchObject({ action: 'send', objectId: 'port:win-b:b1:cluster' });
    expect(send.confidence).toBe('documented');
    expect(t.deliveredTo?.name).toBe('a1');
  });

  it('new designs: one endpoint, the reply leaves by it', () => {
    for (const d of NEW) {
      const t = tr(d, { from: 'win-a', to: 'a1:8080', reply: true });
      expect(phase(t, 'reply')[0]).toMatchObject({ action: 'send', confidence: 'documented' });
    }
  });
});

describe('OutBoundNAT exceptions: overlay = cluster + service CIDRs only (§2.4); L2Bridge + node subnet (§2.3)', () => {
  it('new-overlay: a1 → node B IP is SNATed to the node IP, reply un-NATed', () => {
    const t = tr('new-overlay', { from: 'a1', to: '10.0.0.5:10250', reply: true });
    const snat = phase(t, 'request').find((h) => h.action === 'dynnat')!;
    expect(snat.rule).toMatch(/^SNAT_TCP_OUTBOUNDNAT_/);
    expect(snat.after.srcIp).toBe('10.0.0.4');
    expect(t.legs[0]!.deliveredTo).toMatchObject({ kind: 'host', name: 'win-b' });
    expect(t.legs[0]!.final.srcIp).toBe('10.0.0.4');
    expect(t.final).toMatchObject({ srcIp: '10.0.0.5', srcPort: 10250, dstIp: '10.244.1.10' });
    expect(t.deliveredTo?.name).toBe('a1');
  });
  it('new-l2bridge: a1 → node B IP keeps the pod IP (node subnet exception)', () => {
    const t = tr('new-l2bridge', { from: 'a1', to: '10.0.0.5:10250', reply: true });
    expect(phase(t, 'request').some((h) => h.rule === 'OUTBOUNDNAT_EXCEPTION_10.0.0.0/24')).toBe(
      true,
    );
    expect(phase(t, 'request').some((h) => h.action === 'dynnat')).toBe(false);
    expect(t.legs[0]!.final.srcIp).toBe('10.244.1.10');
    expect(t.deliveredTo?.name).toBe('a1');
  });
});

describe('overlay MACs', () => {
  it('after decap the inner frame is addressed to the pod’s own MAC (request and reply)', () => {
    const t = tr('new-overlay', { from: 'a1', to: 'b1:8080', reply: true });
    const dec = phase(t, 'request').find((h) => h.action === 'decap')!;
    expect(dec.before.dstMac).toBe('0e:2a:0a:00:00:05');
    expect(dec.after.dstMac).toBe('0e:2a:0a:f4:02:0a');
    expect(t.legs[0]!.final.dstMac).toBe('0e:2a:0a:f4:02:0a');
    const back = phase(t, 'reply').find((h) => h.action === 'decap')!;
    expect(back.after.dstMac).toBe('0e:2a:0a:f4:01:0a');
    expect(t.final.dstMac).toBe('0e:2a:0a:f4:01:0a');
  });
  it('SNATed egress leaves the physical NIC with the host MAC, never a 0E-2A pod MAC', () => {
    for (const to of ['203.0.113.10:443', '10.0.0.5:10250']) {
      const t = tr('new-overlay', { from: 'a1', to, reply: true });
      for (const h of t.hops.filter((x) => x.component === 'wire' || x.name === 'ExternalPort'))
        if (!h.before.outer)
          expect(h.before.srcMac ?? '', `${to} ${h.phase}`).not.toMatch(/^0e:2a/);
      const out = phase(t, 'request').find((h) => h.name === 'ExternalPort')!;
      expect(out.before.srcMac).toBe('00:15:5d:00:00:04');
    }
  });
});

describe('layer order on replies: stateless IN layers before the flow’s inverse rewrite', () => {
  it.each(NEW)('%s: S3 reply at a1', (d) => {
    const t = tr(d, { from: 'a1', to: '10.96.10.10:80', srcPort: 40001, reply: true });
    const atA1 = phase(t, 'reply').filter((h) => h.objectId === 'port:win-a:a1');
    const inv = atA1.findIndex((h) => h.action === 'flow (inverse rewrite)');
    expect(inv).toBeGreaterThanOrEqual(0);
    // Never un-DNAT with an outer VXLAN header still attached.
    expect(atA1[inv]!.before.outer).toBeNull();
    // The stateless layers (decap / MAC rewrite) ran before it; no stateful layer after it.
    const stateless = d === 'new-overlay' ? 'VNET_ENCAP_LAYER' : 'VNET_MAC_REWRITE_LAYER';
    const sl = atA1.findIndex((h) => h.layer === stateless);
    if (sl >= 0) expect(sl).toBeLessThan(inv);
    for (const h of atA1.slice(inv + 1))
      expect(['ACL_ENDPOINT_LAYER', 'LB_DSR', 'SLB_NAT_LAYER']).not.toContain(h.layer);
  });
});

describe('smaller model errors', () => {
  it('old design: the external vSwitch with VFP rules lists the VFP extension', () => {
    const t = get('old-winnat');
    for (const vs of Object.values(t.vswitches)) {
      const hasRules = vs.portIds.some((id) => (t.ports[id]?.layerIds.length ?? 0) > 0);
      if (hasRules) expect(vs.extensions).toContain('Microsoft Azure VFP Switch Extension');
    }
  });
  it('old design: the cross-node destination MAC is node B’s', () => {
    const t = tr('old-winnat', { from: 'a1', to: 'b1:8080' });
    const mac = t.hops.find((h) => h.rule === 'MAC_REWRITE_OUT')!;
    expect(mac.after.dstMac).toBe('00:15:5d:00:00:05');
  });
  it('host port: the IN group of NodePort rules is marked as a model name', () => {
    const t = get('new-l2bridge');
    const g = Object.values(t.groups).find((x) => x.name === 'SLB_GROUP_LB_IPv4_IN')!;
    expect(g.provenance.nameSource).toBe('model');
    expect(
      Object.values(t.groups)
        .filter((x) => x.name === 'SLB_GROUP_LB_IPv4_OUT')
        .every((x) => x.provenance.nameSource === undefined),
    ).toBe(true);
  });
  it('the management host vNIC port has one name in every design', () => {
    const names = (['old-winnat', ...NEW] as Design[]).map((d) => {
      const t = get(d);
      const mgmt = t.nodes['node:win-a']!.hostStack.interfaces.find(
        (i) => i.kind === 'management-vnic',
      )!;
      return t.ports[mgmt.portId!]!.friendlyName;
    });
    expect(new Set(names)).toEqual(new Set(['Container NIC 5d000004']));
  });
});

describe('DNS suffixes in DNS traces (§7 S4, S11)', () => {
  it.each(NEW)('%s: the pod’s resolver appends the endpoint’s suffixes', (d) => {
    const t = tr(d, { from: 'a2', to: '10.96.0.10:53', proto: 'udp', reply: true });
    const send = t.hops[0]!;
    expect(send.why.join(' ')).toMatch(
      /resolver appends the endpoint's search suffixes, for every container of the pod: default\.svc\.cluster\.local, svc\.cluster\.local, cluster\.local/,
    );
  });
  it('old-winnat: no suffixes on the endpoint; kube-proxy’s DNS proxy appends them', () => {
    const t = tr('old-winnat', { from: 'a1', to: '10.96.0.10:53', proto: 'udp', reply: true });
    expect(t.hops[0]!.why.join(' ')).toMatch(/no search suffixes/);
    expect(t.hops.find((h) => h.action === 'proxy')!.why.join(' ')).toMatch(/suffixes/);
  });
});
