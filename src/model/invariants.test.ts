import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_IDS } from '../scenarios/index';
import { checkInvariants } from './invariants';
import type { Topology } from './types';

/** A deep, writable copy to break on purpose. */
const clone = (t: Topology) =>
  JSON.parse(JSON.stringify(t)) as { -readonly [K in keyof Topology]: any };

describe('model invariants', () => {
  it.each(SCENARIO_IDS)('%s satisfies them', (id) => {
    expect(checkInvariants(buildScenario(id))).toEqual([]);
  });

  it('survives structured cloning unchanged (crosses the worker boundary)', () => {
    const t = buildScenario('new-overlay');
    expect(structuredClone(t)).toEqual(t);
  });

  const broken: [string, (t: ReturnType<typeof clone>) => void, string][] = [
    [
      'a dangling network id',
      (t) => {
        Object.values<any>(t.endpoints)[0].networkId = 'nope';
      },
      'DANGLING_REF',
    ],
    [
      'a remote endpoint with a port',
      (t) => {
        const e = Object.values<any>(t.endpoints).find((x) => x.isRemote);
        e.portId = Object.keys(t.ports)[0];
      },
      'REMOTE_WITH_PORT',
    ],
    [
      'two endpoints with one IP on a network',
      (t) => {
        const eps = Object.values<any>(t.endpoints).filter(
          (x) => x.nodeId === 'node:win-a' && x.role === 'pod',
        );
        eps[1].ipAddress = eps[0].ipAddress;
      },
      'DUPLICATE_IP',
    ],
    [
      'a malformed address',
      (t) => {
        Object.values<any>(t.loadBalancers)[0].frontendVips = ['10.96.300.1'];
      },
      'BAD_ADDRESS',
    ],
    [
      'a rule listed under the wrong group',
      (t) => {
        const [g1, g2] = Object.values<any>(t.groups).filter((g) => g.ruleIds.length > 0);
        g1.ruleIds.push(g2.ruleIds[0]);
      },
      'WRONG_PARENT',
    ],
    [
      'a pod with two endpoints in a new design',
      (t) => {
        const pods = Object.values<any>(t.pods);
        pods[0].endpointIds.push(pods[1].endpointIds[0]);
      },
      'ENDPOINTS_PER_POD',
    ],
  ];
  it.each(broken)('catches %s', (_, breakIt, code) => {
    const t = clone(buildScenario('new-l2bridge'));
    breakIt(t);
    expect(checkInvariants(t as Topology).map((p) => p.code)).toContain(code);
  });
});
