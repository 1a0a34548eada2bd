/**
 * A load balancer whose id appears once is built straight from its one record; one whose id
 * repeats (across inputs or within one) goes through the field merge first. Both ways must give
 * the same model entry when the records agree, and the merge must keep the first value, fill what
 * the first record lacked and report what disagrees.
 */

import { describe, expect, it } from 'vitest';
import { syntheticDump } from '../../../bench/parse-bench';
import type { LoadBalancer } from '../../model/types';
import { parseInputs } from '../index';

const dump = syntheticDump(1, 20, 300);
const elements = JSON.parse(dump) as Record<string, unknown>[];
const lbElements = elements.filter((e) => 'References' in e);
const others = elements.filter((e) => !('References' in e));

function lbs(inputs: { name: string; text: string }[]): Record<string, LoadBalancer> {
  return parseInputs(inputs).topology.loadBalancers;
}

/** The table without provenance (a repeated id's entry names its first record). */
function withoutProvenance(t: Record<string, LoadBalancer>): unknown[] {
  return Object.values(t).map((lb) => ({ ...lb, provenance: null }));
}

describe('load balancers: one record or several with the same id', () => {
  it('has load balancers to compare', () => {
    expect(lbElements.length).toBe(300);
    expect(Object.keys(lbs([{ name: 'a.json', text: dump }])).length).toBe(300);
  });

  it('gives the same table when every id repeats in a second input', () => {
    const once = parseInputs([{ name: 'a.json', text: dump }]);
    const twice = parseInputs([
      { name: 'a.json', text: dump },
      { name: 'b.json', text: JSON.stringify(lbElements.slice().reverse(), null, 4) },
    ]);
    expect(JSON.stringify(twice.topology.loadBalancers)).toBe(
      JSON.stringify(once.topology.loadBalancers),
    );
    expect(twice.conflicts).toEqual([]);
  });

  it('gives the same table when ids repeat within one input', () => {
    const some = lbElements.filter((_, i) => i % 3 === 0);
    const repeated = JSON.stringify([...elements, ...some], null, 4);
    const plain = JSON.stringify(elements, null, 4);
    expect(JSON.stringify(lbs([{ name: 'a.json', text: repeated }]))).toBe(
      JSON.stringify(lbs([{ name: 'a.json', text: plain }])),
    );
  });

  it('fills what the first record lacked from a later one, as if read whole', () => {
    const full = lbElements.slice(0, 40);
    // The first records have empty backend and VIP lists and no source VIP or network; later
    // records of the same ids have them.
    const thin = full.map((e) => {
      const policies = (e['Policies'] as Record<string, unknown>[]).map((p) => {
        const q: Record<string, unknown> = { ...p, VIPs: [] };
        delete q['SourceVIP'];
        return q;
      });
      const rest: Record<string, unknown> = { ...e, References: [], Policies: policies };
      delete rest['HostComputeNetwork'];
      return rest;
    });
    const merged = lbs([
      { name: 'a.json', text: JSON.stringify([...others, ...thin], null, 4) },
      { name: 'b.json', text: JSON.stringify(full, null, 4) },
    ]);
    const whole = lbs([{ name: 'a.json', text: JSON.stringify([...others, ...full], null, 4) }]);
    expect(withoutProvenance(merged)).toEqual(withoutProvenance(whole));
    const first = Object.values(merged)[0]!;
    expect([first.backendEndpointIds.length, first.frontendVips.length]).toEqual([3, 1]);
    expect([first.sourceVip, first.networkId === null]).toEqual(['10.244.1.2', false]);
  });

  it('keeps the first value and reports a disagreement', () => {
    const first = lbElements.slice(0, 5);
    const other = first.map((e) => ({
      ...e,
      Policies: (e['Policies'] as Record<string, unknown>[]).map((p) => ({
        ...p,
        InternalPort: 9999,
      })),
    }));
    const r = parseInputs([
      { name: 'a.json', text: JSON.stringify(first, null, 4) },
      { name: 'b.json', text: JSON.stringify(other, null, 4) },
    ]);
    expect(Object.values(r.topology.loadBalancers).map((lb) => lb.internalPort)).toEqual([
      8080, 8080, 8080, 8080, 8080,
    ]);
    expect(r.conflicts.map((c) => [c.kind, c.field, c.first, c.second])).toEqual(
      Array.from({ length: 5 }, () => ['loadbalancer', 'internalPort', 8080, 9999]),
    );
    expect(
      r.diagnostics.filter((d) => d.code === 'W_CONFLICT' && d.input === 'b.json'),
    ).toHaveLength(5);
  });
});
