import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { checkInvariants } from './invariants';
import type { Topology } from './types';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
/** A deep, writable copy to break on purpose. */
const clone = (t: Topology) => structuredClone(t) as Mutable<Topology>;
const first = <T>(xs: T[]): T => {
  const x = xs[0];
  if (x === undefined) throw new Error('empty');
  return x;
};

describe('model invariants', () => {
  it.each(SCENARIO_IDS)('%s satisfies them', (id) => {
    expect(checkInvariants(buildScenario(id))).toEqual([]);
  });

  it('survives structured cloning unchanged (crosses the worker boundary)', () => {
    const t = buildScenario('new-overlay');
    expect(structuredClone(t)).toEqual(t);
  });

  const broken: [string, (t: Mutable<Topology>) => void, string][] = [
    [
      'a dangling network id',
      (t) => void (first(Object.values(t.endpoints)).networkId = 'nope'),
      'DANGLING_REF',
    ],
    [
      'a remote endpoint with a port',
      (t) =>
        void (first(Object.values(t.endpoints).filter((e) => e.isRemote)).portId = first(
          Object.keys(t.ports),
        )),
      'REMOTE_WITH_PORT',
    ],
    [
      'two endpoints with one IP on a network',
      (t) => {
        const eps = Object.values(t.endpoints).filter(
          (e) => e.nodeId === 'node:win-a' && e.role === 'pod',
        );
        first(eps.slice(1)).ipAddress = first(eps).ipAddress;
      },
      'DUPLICATE_IP',
    ],
    [
      'a malformed address',
      (t) => void (first(Object.values(t.loadBalancers)).frontendVips = ['10.96.300.1']),
      'BAD_ADDRESS',
    ],
    [
      'a rule listed under the wrong group',
      (t) => {
        const groups = Object.values(t.groups).filter((g) => g.ruleIds.length > 0);
        first(groups).ruleIds.push(first(first(groups.slice(1)).ruleIds));
      },
      'WRONG_PARENT',
    ],
    [
      'a pod with two endpoints in a new design',
      (t) => {
        const pods = Object.values(t.pods);
        first(pods).endpointIds.push(first(first(pods.slice(1)).endpointIds));
      },
      'ENDPOINTS_PER_POD',
    ],
  ];
  it.each(broken)('catches %s', (_, breakIt, code) => {
    const t = clone(buildScenario('new-l2bridge'));
    breakIt(t);
    expect(checkInvariants(t).map((p) => p.code)).toContain(code);
  });
});
