import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { traceFlow } from './trace';
import type { Design } from '../model/types';

/** The capture a wire hop offers matches what is on the wire: VXLAN only when encapsulated. */
const wireChecks = (d: Design, to: string) =>
  traceFlow(buildScenario(d), { from: 'a1', to })
    .hops.filter((h) => h.component === 'wire')
    .map((h) => h.verify[0]);

describe('wire hops: the capture filter follows the encapsulation', () => {
  it('l2bridge pod → pod on the other node: the packet itself, no VXLAN port', () => {
    const checks = wireChecks('new-l2bridge', 'b1:8080');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks[0]).toBe('pktmon filter add -i 10.244.2.10 -t TCP -p 8080');
    for (const c of checks) expect(c).not.toContain('4789');
  });
  it('overlay pod → pod on the other node: VXLAN, UDP 4789', () => {
    const checks = wireChecks('new-overlay', 'b1:8080');
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c).toBe('pktmon filter add -t UDP -p 4789');
  });
  it('old design: no overlay, so never the VXLAN port', () => {
    for (const c of wireChecks('old-winnat', 'b1:8080')) expect(c).not.toContain('4789');
  });
});

describe('a frame from an external client', () => {
  it.each(['new-l2bridge', 'new-overlay', 'old-winnat'] as Design[])(
    '%s: reaches the node addressed to the node’s own MAC, from the underlay gateway’s MAC',
    (d) => {
      const topo = buildScenario(d);
      const node = Object.values(topo.nodes).find((n) => n.name === 'win-a')!;
      const t = traceFlow(topo, { from: 'external-client', to: `${node.managementIp}:30080` });
      const wire = t.hops.find((h) => h.component === 'wire')!;
      expect(wire.before.dstMac).toBeNull();
      expect(wire.after.dstMac).toBe(node.mac);
      expect(wire.after.srcMac).toBe(topo.underlay!.gatewayMac);
      expect(wire.why.join(' ')).toContain('last router (gateway 10.0.0.1');
    },
  );
});
