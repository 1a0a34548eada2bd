/**
 * A long value in a load balancer (VIP, id, backend) is cut to the model's size limits and
 * reported, in the table's key as in the entry; a table with nothing too long stays quiet.
 * The table's check made while it is built sees every string field.
 */

import { describe, expect, it } from 'vitest';
import { fitModelLimits, MAX_MODEL_STRING } from '../model/limits';
import { buildTopology } from './build/build';
import { emptyMerged, mergeInto } from './normalise/merge';
import { IdMemo, normalise } from './normalise/normalise';
import { DiagSink } from './diagnostics';
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

/**
 * The load balancer table is checked as it is built, and the final model-limits walk skips it
 * when every string fitted: that check must see every string field of a load balancer.
 */
describe('the load balancer table checked while built', () => {
  const long = (prefix: string) => prefix + '1'.repeat(MAX_MODEL_STRING);
  const NET = '00000001-0000-4000-8000-000000000001';
  const build = (o: Record<string, unknown>, input = 'lb.json') => {
    const merged = emptyMerged();
    const sink = new DiagSink(input);
    // The network the load balancer names (else its network id is not kept).
    const network = { ID: o['HostComputeNetwork'], Name: 'n', Type: 'L2Bridge', Subnets: [] };
    for (const value of [network, o]) {
      const raw = { value, line: 3, rendering: 'json', hint: null } as const;
      mergeInto(
        merged,
        normalise(raw, input, sink, () => 1, new IdMemo())!,
        () => sink,
      );
    }
    const checked = new Set<unknown>();
    const t = buildTopology(merged, [], [input], undefined, checked);
    return { t, fits: checked.has(t.loadBalancers) };
  };
  const elb = (extra: Record<string, unknown> = {}) => ({
    Type: 'ELB',
    Protocol: 6,
    InternalPort: 80,
    ExternalPort: 80,
    VIPs: ['10.96.0.1'],
    SourceVIP: '10.244.0.2',
    ...extra,
  });
  const base = {
    ID: GUID(1),
    HostComputeNetwork: NET,
    Policies: [elb()],
    References: ['/endpoints/e1'],
  };

  it('names every field a built load balancer has (a new field needs a look at the check)', () => {
    const { t, fits } = build(base);
    expect(fits).toBe(true);
    const lb = Object.values(t.loadBalancers)[0]!;
    expect(lb.networkId).toBe(NET);
    expect(lb.sourceVip).toBe('10.244.0.2');
    expect(Object.keys(lb).sort()).toEqual(
      [
        'backendEndpointIds',
        'distribution',
        'externalPort',
        'flags',
        'frontendVips',
        'id',
        'internalPort',
        'kind',
        'networkId',
        'nodeId',
        'protocol',
        'provenance',
        'serviceId',
        'sourceVip',
      ].sort(),
    );
    expect(Object.keys(lb.provenance).sort()).toEqual(
      ['by', 'confidence', 'derived', 'detail', 'id', 'ref'].sort(),
    );
  });

  const cases: [string, Record<string, unknown>, string?][] = [
    ['a long id', { ...base, ID: long('lb-') }],
    ['a long VIP', { ...base, Policies: [elb({ VIPs: ['10.96.0.1', long('10.96.0.2')] })] }],
    ['a long source VIP', { ...base, Policies: [elb({ SourceVIP: long('fe80::') })] }],
    ['a long backend', { ...base, References: ['/endpoints/e1', `/endpoints/${long('e')}`] }],
    ['a long network id', { ...base, HostComputeNetwork: long('net-') }],
    ['a long input name', base, long('lb-') + '.json'],
  ];
  for (const [name, o, input] of cases) {
    it(`${name}: the table is not taken as fitting, and the walk finds as much as without the check`, () => {
      const { t, fits } = build(o, input);
      expect(fits).toBe(false);
      const lbs = { ...parseInputs([]).topology, loadBalancers: t.loadBalancers };
      expect(fitModelLimits(lbs).report.strings).toBeGreaterThan(0);
    });
  }

  it('parseInputs cuts a long value of each field, as the full walk does', () => {
    for (const [, o, input] of cases) {
      const network = { ID: o['HostComputeNetwork'], Name: 'n', Type: 'L2Bridge', Subnets: [] };
      const r = parseInputs([{ name: input ?? 'lb.json', text: JSON.stringify([network, o]) }]);
      expect(r.diagnostics.some((d) => d.code === 'W_VALUE_CUT')).toBe(true);
      const lb = Object.values(r.topology.loadBalancers)[0]!;
      const strings = JSON.stringify(lb).length;
      expect(strings).toBeLessThan(8 * MAX_MODEL_STRING);
      expect(fitModelLimits(r.topology).report).toEqual({ strings: 0, cuts: 0 });
    }
  });
});
