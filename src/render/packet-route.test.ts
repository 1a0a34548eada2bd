import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../cluster/index';
import { traceFlow } from '../engine';
import { layoutTopology } from '../layout/layout-topology';
import { buildScenario } from '../scenarios';
import { traceEvents } from '../view-model/trace-events';
import { trailUpTo, wantsMotion } from './animator';
import { travelMs } from './packet-animator';
import { buildRoute, elbow, pathLength, pointAt } from './packet-route';

const topology = buildScenario('new-l2bridge');
const layout = layoutTopology(topology);
const trace = traceFlow(topology, { from: 'a1', to: '10.96.10.10:80', reply: true, seed: 2 });

describe('packet route', () => {
  it('stops at the port, at each acting layer, on the vSwitch bar and the wire', () => {
    const route = buildRoute(traceEvents(trace, 'layers'), layout);
    const at = route.stops.map((s) => s.drawnId);
    expect(at.slice(0, 3)).toEqual([
      'port:win-a:a1',
      'port:win-a:a1/ACL_ENDPOINT_LAYER',
      'port:win-a:a1/LB_DSR',
    ]);
    expect(at).toContain('vswitch:win-a:Ethernet');
    expect(at).toContain('wire:underlay');
    expect(route.stops[2]?.lit).toContain(trace.hops[2]?.ruleId);
    // Every stop is inside the drawing, and every path starts where the previous stop is.
    for (const [i, s] of route.stops.entries()) {
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x).toBeLessThanOrEqual(layout.width);
      const prev = route.stops[i - 1];
      if (prev) expect(route.paths[i]?.[0]).toEqual([prev.x, prev.y]);
    }
  });

  it('keeps bar stops on their bar, between the neighbouring stops', () => {
    const route = buildRoute(traceEvents(trace, 'hops'), layout);
    const i = route.stops.findIndex((s) => s.drawnId === 'vswitch:win-a:Ethernet');
    const bar = layout.byId['vswitch:win-a:Ethernet']?.box;
    const s = route.stops[i];
    if (!bar || !s) throw new Error('missing');
    expect(s.x).toBeGreaterThanOrEqual(bar.x);
    expect(s.x).toBeLessThanOrEqual(bar.x + bar.w);
  });

  it('interpolates orthogonal paths by length', () => {
    expect(elbow([0, 0], [10, 20])).toEqual([
      [0, 0],
      [0, 20],
      [10, 20],
    ]);
    expect(elbow([0, 20], [10, 0])).toEqual([
      [0, 20],
      [10, 20],
      [10, 0],
    ]);
    const p = elbow([0, 0], [10, 20]);
    expect(pathLength(p)).toBe(30);
    expect(pointAt(p, 0.5)).toEqual([0, 15]);
    expect(pointAt(p, 1)).toEqual([10, 20]);
    expect(pointAt(p, 0)).toEqual([0, 0]);
  });

  it('trails, travel time and the motion choice', () => {
    const route = buildRoute(traceEvents(trace, 'layers'), layout);
    expect(trailUpTo(route, -1)).toEqual([]);
    expect(trailUpTo(route, 0)).toHaveLength(1);
    expect(travelMs(2000, 1)).toBe(900);
    expect(travelMs(0, 2)).toBe(130);
    expect(wantsMotion('auto', true)).toBe(false);
    expect(wantsMotion('auto', false)).toBe(true);
    expect(wantsMotion('on', true)).toBe(true);
    expect(wantsMotion('off', false)).toBe(false);
  });
});

describe('packet route across rows of nodes', () => {
  // WIN-A and eleven copies of WIN-B: the twelfth node starts the second row.
  const winB = readFileSync(
    new URL('../cluster/__fixtures__/l2bridge-win-b.txt', import.meta.url),
    'utf8',
  );
  const copy = (k: number) => ({
    name: `win-${k}.txt`,
    text: winB
      .replace(/WIN-B/g, `WIN-${k}`)
      .replace(/10\.0\.0\.5\b/g, `10.0.0.${10 + k}`)
      .replace(/10\.244\.2\./g, `10.244.${10 + k}.`),
  });
  const winA = readFileSync(
    new URL('../cluster/__fixtures__/l2bridge-win-a.txt', import.meta.url),
    'utf8',
  );
  const t = parseCluster([
    { name: 'a.txt', text: winA },
    ...Array.from({ length: 11 }, (_, k) => copy(k)),
  ]).topology;
  const l = layoutTopology(t);

  it('leaves by its own row wire and takes the bus to the other row', () => {
    // WIN-10 is the eleventh node: the first of the second row.
    const tr = traceFlow(t, { from: 'a1', to: '10.244.20.10:80' });
    expect(tr.hops.some((h) => h.node === 'WIN-10')).toBe(true);
    const route = buildRoute(traceEvents(tr, 'hops'), l);
    const w = route.stops.findIndex((s) => s.drawnId?.startsWith('wire:underlay') === true);
    expect(route.stops[w]?.drawnId).toBe('wire:underlay');
    const row2 = l.byId['wire:underlay:row-2']!.box;
    const bus = l.byId['wire:underlay:bus']!.box;
    const path = route.paths[w + 1]!;
    // Along row 1's wire to the bus, down the bus to row 2's wire, then up into WIN-10.
    expect(path.some(([x]) => x > bus.x && x < bus.x + bus.w)).toBe(true);
    expect(path.some(([, y]) => y > row2.y && y < row2.y + row2.h)).toBe(true);
    const winA10 = l.byId['node:win-10']!.box;
    const end = path.at(-1)!;
    expect(end[0]).toBeGreaterThan(winA10.x);
    expect(end[0]).toBeLessThan(winA10.x + winA10.w);
  });
});
