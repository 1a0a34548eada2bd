/**
 * The upstream router's MAC: frames to the default gateway or beyond the node subnet are
 * addressed to `Underlay.gatewayMac`, and frames from beyond it arrive from it. Without it
 * they show null and the trace says the MAC is unknown. Request and reply legs, every design.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { DESIGNS, type Design, type Topology } from '../model/types';
import { traceFlow } from './trace';
import type { Hop, Trace, TraceRequest } from './types';

const GW = '00:00:5e:00:01:01';
const HOST_A = '00:15:5d:00:00:04';
const known = new Map<Design, Topology>();
const unknown = new Map<Design, Topology>();
const withMac = (d: Design) => known.get(d) ?? (known.set(d, buildScenario(d)), known.get(d)!);
/** The same scenario with an underlay that does not know its gateway's MAC. */
const withoutMac = (d: Design) => {
  let t = unknown.get(d);
  if (!t) {
    const base = buildScenario(d);
    t = { ...base, underlay: { ...base.underlay!, gatewayMac: null } };
    unknown.set(d, t);
  }
  return t;
};
/** The frame as it crosses the wire (or reaches an external host) on `phase`. */
const onWire = (t: Trace, phase: Hop['phase']) =>
  t.hops.find((h) => h.phase === phase && (h.component === 'wire' || h.component === 'external'))!
    .after;

describe('gatewayMac: frames to and from beyond the node subnet', () => {
  it('the reference cluster knows its gateway', () => {
    expect(withMac('new-l2bridge').underlay).toMatchObject({
      gatewayIp: '10.0.0.1',
      gatewayMac: GW,
    });
  });

  it.each([...DESIGNS])(
    '%s S5: a1 → internet leaves to the gateway MAC, the answer comes from it',
    (d) => {
      const r: TraceRequest = { from: 'a1', to: '203.0.113.10:443', reply: true };
      const t = traceFlow(withMac(d), r);
      expect(t.legs.map((l) => l.verdict)).toEqual(['delivered', 'delivered']);
      expect(onWire(t, 'request')).toMatchObject({ srcMac: HOST_A, dstMac: GW });
      expect(onWire(t, 'reply')).toMatchObject({ srcMac: GW, dstMac: HOST_A });
      expect(t.assumptions.join(' ')).not.toMatch(/gateway's MAC/);

      const u = traceFlow(withoutMac(d), r);
      expect(onWire(u, 'request')).toMatchObject({ srcMac: HOST_A, dstMac: null });
      expect(onWire(u, 'reply')).toMatchObject({ srcMac: null, dstMac: HOST_A });
      expect(u.assumptions.join(' ')).toMatch(/default gateway's MAC is not in the model/);
    },
  );

  it.each([...DESIGNS])(
    '%s S6: the external client’s frame arrives from the gateway and the answer goes back to it',
    (d) => {
      const r: TraceRequest = { from: 'external-client', to: '10.0.0.4:30080', reply: true };
      const t = traceFlow(withMac(d), r);
      expect(t.legs.map((l) => l.verdict)).toEqual(['delivered', 'delivered']);
      const arrive = t.hops.find((h) => h.phase === 'request' && h.component === 'wire')!;
      expect(arrive.after).toMatchObject({ srcMac: GW, dstMac: HOST_A });
      expect(arrive.why.join(' ')).toMatch(/gateway 10\.0\.0\.1, 00:00:5e:00:01:01/);
      expect(t.final).toMatchObject({ srcMac: HOST_A, dstMac: GW });

      const u = traceFlow(withoutMac(d), r);
      const uArrive = u.hops.find((h) => h.phase === 'request' && h.component === 'wire')!;
      expect(uArrive.after).toMatchObject({ srcMac: null, dstMac: HOST_A });
      expect(uArrive.why.join(' ')).toMatch(/gateway 10\.0\.0\.1, MAC unknown/);
      expect(u.final).toMatchObject({ srcMac: HOST_A, dstMac: null });
      expect(u.assumptions.join(' ')).toMatch(/default gateway's MAC is not in the model/);
    },
  );

  it('frames between nodes never take the gateway MAC', () => {
    for (const d of DESIGNS) {
      const t = traceFlow(withMac(d), { from: 'a1', to: 'b1:8080', reply: true });
      for (const h of t.hops) expect([h.after.srcMac, h.after.dstMac]).not.toContain(GW);
    }
  });
});
