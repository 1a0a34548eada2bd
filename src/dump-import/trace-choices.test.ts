import { describe, expect, it } from 'vitest';
import type { Endpoint, Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import { dumpTraceChoices } from './trace-choices';

/** What the choices were before they stopped at 200: every choice made, then the first kept. */
function everyChoice(t: Topology): { sources: unknown[]; dests: unknown[] } {
  const eps = Object.values(t.endpoints).filter((e) => e.ipAddress);
  const sources = eps
    .filter((e) => e.portId !== null && !e.isRemote && e.role !== 'host')
    .map((e) => ({ value: e.ipAddress!, label: e.name || e.id }))
    .concat(
      Object.values(t.nodes).map((n) => ({
        value: n.managementIp ?? n.id,
        label: `host of ${n.name}`,
      })),
    );
  const seen = new Set<string>();
  const dests = Object.values(t.loadBalancers)
    .flatMap((lb) =>
      lb.frontendVips.map((v) => ({
        value: `${v}:${lb.externalPort}`,
        label: `load balancer ${v}:${lb.externalPort}`,
      })),
    )
    .concat(
      eps.map((e) => ({ value: e.ipAddress!, label: `${e.isRemote ? 'remote ' : ''}${e.name}` })),
    )
    .filter((d) => !seen.has(d.value) && seen.add(d.value));
  return { sources: sources.slice(0, 200), dests: dests.slice(0, 200) };
}

/** The scenario with `n` more endpoints (every third remote, every fifth repeating an IP). */
function withEndpoints(n: number): Topology {
  const base = buildScenario('new-l2bridge');
  const model = Object.values(base.endpoints).find((e) => e.portId !== null)!;
  const endpoints: Record<string, Endpoint> = { ...base.endpoints };
  for (let i = 0; i < n; i++) {
    const id = `ep-extra-${i}`;
    const ip = `10.250.${(i % 5 === 0 ? 0 : i) >> 8}.${(i % 5 === 0 ? 0 : i) & 255}`;
    endpoints[id] = { ...model, id, name: `extra-${i}`, ipAddress: ip, isRemote: i % 3 === 0 };
  }
  return { ...base, endpoints };
}

describe('dumpTraceChoices', () => {
  it.each([0, 150, 600])('offers what every choice cut to 200 gave (%i more endpoints)', (n) => {
    const t = withEndpoints(n);
    const got = dumpTraceChoices(t);
    expect(got).toEqual(everyChoice(t));
    expect(got.sources.length).toBeLessThanOrEqual(200);
    expect(got.dests.length).toBeLessThanOrEqual(200);
  });

  it('offers the host of a node with no local pod as a source', () => {
    const base = buildScenario('new-l2bridge');
    const endpoints = Object.fromEntries(
      Object.entries(base.endpoints).filter(([, e]) => e.isRemote || e.role === 'host'),
    );
    const got = dumpTraceChoices({ ...base, endpoints });
    const nodes = Object.values(base.nodes);
    expect(got.sources).toEqual(
      nodes.map((n) => ({ value: n.managementIp ?? n.id, label: `host of ${n.name}` })),
    );
    expect(nodes.length).toBeGreaterThan(0);
  });
});
