import { describe, expect, it } from 'vitest';
import { traceFlow } from '../engine';
import { buildScenario } from '../scenarios';
import { compareRows, summarizeTrace } from './compare-summary';

const req = { from: 'a1', to: '10.96.10.10:80', proto: 'tcp', reply: true, seed: 2 } as const;

describe('compare summary (a1 → web, old vs new)', () => {
  const oldT = buildScenario('old-winnat');
  const newT = buildScenario('new-l2bridge');
  const oldS = summarizeTrace(traceFlow(oldT, req), oldT);
  const newS = summarizeTrace(traceFlow(newT, req), newT);

  it('tells the 2017 story', () => {
    expect(oldS).toMatchObject({
      endpointsPerPod: 2,
      userSpace: 2,
      connections: 2,
      clientIpPreserved: false,
      policyCanFilter: false,
    });
    expect(oldS.natPoints).toEqual(['kube-proxy (user space)']);
    expect(newS).toMatchObject({
      endpointsPerPod: 1,
      userSpace: 0,
      connections: 1,
      clientIpPreserved: true,
      policyCanFilter: true,
    });
    expect(newS.natPoints).toEqual(['LB_DSR on Container NIC d514ef81']);
  });

  it('marks differing rows', () => {
    const rows = compareRows(oldS, newS);
    expect(rows.map((r) => r.key)).toEqual([
      'endpointsPerPod',
      'hops',
      'natPoints',
      'userSpace',
      'connections',
      'clientIpPreserved',
      'policyCanFilter',
    ]);
    expect(rows.find((r) => r.key === 'connections')).toMatchObject({
      left: '2',
      right: '1',
      differs: true,
    });
    expect(compareRows(newS, newS).every((r) => !r.differs)).toBe(true);
  });
});
