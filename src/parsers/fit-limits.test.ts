/**
 * A long value in a load balancer (VIP, id, backend) is cut to the model's size limits and
 * reported, in the table's key as in the entry; a table with nothing too long stays quiet.
 */

import { describe, expect, it } from 'vitest';
import { MAX_MODEL_STRING } from '../model/limits';
import { parseInputs } from './index';

const GUID = (n: number): string => `0000000${n}-0000-4000-8000-00000000000${n}`.slice(-36);

function policyList(id: string, vip: string, backend = 'e1'): unknown {
  return {
    ID: id,
    Policies: [{ Type: 'ELB', Protocol: 6, InternalPort: 80, ExternalPort: 80, VIPs: [vip] }],
    References: [`/endpoints/${backend}`],
  };
}

const parse = (lists: unknown[]) =>
  parseInputs([{ name: 'lb.json', text: JSON.stringify(lists, null, 2) }]);

describe('load balancers and the model limits', () => {
  const long = `10.96.0.${'1'.repeat(MAX_MODEL_STRING + 20)}`;

  it('a short table is kept as it is, with no diagnostic', () => {
    const r = parse([policyList(GUID(1), '10.96.0.1'), policyList(GUID(2), '10.96.0.2')]);
    expect(Object.keys(r.topology.loadBalancers)).toHaveLength(2);
    expect(r.diagnostics.filter((d) => d.code === 'W_VALUE_CUT')).toEqual([]);
  });

  it('a long VIP is cut and reported', () => {
    const r = parse([policyList(GUID(1), '10.96.0.1'), policyList(GUID(2), long)]);
    const cut = r.diagnostics.filter((d) => d.code === 'W_VALUE_CUT');
    expect(cut).toHaveLength(1);
    const lb = Object.values(r.topology.loadBalancers).find((l) => l.id !== GUID(1))!;
    expect(lb.frontendVips[0]!.length).toBeLessThanOrEqual(MAX_MODEL_STRING);
    expect(lb.frontendVips[0]!.startsWith('10.96.0.111')).toBe(true);
  });

  it('a long id and a long backend are cut, in the key as in the entry', () => {
    const id = 'lb-' + 'x'.repeat(MAX_MODEL_STRING + 1);
    const r = parse([policyList(id, '10.96.0.1', 'b'.repeat(MAX_MODEL_STRING + 3))]);
    expect(r.diagnostics.some((d) => d.code === 'W_VALUE_CUT')).toBe(true);
    const keys = Object.keys(r.topology.loadBalancers);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.length).toBeLessThanOrEqual(MAX_MODEL_STRING);
    const lb = r.topology.loadBalancers[keys[0]!]!;
    expect(lb.id.length).toBeLessThanOrEqual(MAX_MODEL_STRING);
    expect(lb.backendEndpointIds[0]!.length).toBeLessThanOrEqual(MAX_MODEL_STRING);
  });
});
