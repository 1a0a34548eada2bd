import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../cluster/index';
import { traceFlow } from '../engine';
import { buildScenario } from '../scenarios';
import { compareRows, partingPoint, summarizeTrace } from './compare-summary';
import { traceEvents } from './trace-events';

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
      'outcome',
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

describe('compare summary (one request on a dump before and after)', () => {
  const file = (f: string) => ({
    name: f,
    bytes: readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url)),
  });
  const before = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b.txt')]).topology;
  const after = parseCluster([
    file('l2bridge-win-a.txt'),
    file('l2bridge-win-b-after.txt'),
  ]).topology;
  const toB1 = { from: 'a1', to: '10.244.2.10:8080' } as const;
  const b = traceFlow(before, toB1);
  const a = traceFlow(after, toB1);

  it('shows the outcome turning from delivered to dropped, with the reason', () => {
    const rows = compareRows(summarizeTrace(b, before), summarizeTrace(a, after));
    expect(rows[0]).toMatchObject({ key: 'outcome', left: 'delivered', differs: true });
    expect(rows[0]!.right).toMatch(/^dropped: stale remote endpoint/);
  });

  it('finds where the two paths part: on WIN-B, after the wire', () => {
    const p = partingPoint(b, a);
    expect(p).not.toBeNull();
    expect(p!.left).toContain('WIN-B');
    expect(p!.right).toContain('WIN-B');
    expect(p!.right).toContain('drop');
    // Up to there, the two traces are the same hops.
    expect(a.hops.slice(0, 1)[0]?.node).toBe('WIN-A');
    expect(partingPoint(b, b)).toBeNull();
  });

  it("parts at the compare view's own row when asked at its level of detail", () => {
    const hops = partingPoint(b, a)!;
    const layers = partingPoint(b, a, 'layers')!;
    // The layer-level list has the port's layers before the wire: a later row, the same place.
    expect(layers.index).toBeGreaterThan(hops.index);
    expect(layers.right).toContain('drop');
    expect(traceEvents(a, 'layers')[layers.index]?.hop.action).toBe('drop');
    expect(traceEvents(b, 'layers')[layers.index]?.hop.action).not.toBe('drop');
  });
});
