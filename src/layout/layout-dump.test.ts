import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticDump } from '../../bench/parse-bench';
import { parseInputs } from '../parsers/index';
import type { Box, LayoutItem } from './geometry';
import { MAX_DRAWN_LBS } from './layout-dump';
import { LAYOUT_STEP } from './layout-node';
import { layoutTopology, layoutTopologySteps } from './layout-topology';
import { indexTopology } from './object-index';
import { buildObjectTree, type TreeNode } from './object-tree';

const dir = new URL('../parsers/__fixtures__/corpus/', import.meta.url);
const corpus = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const parse = (name: string, text: string) => parseInputs([{ name, text }]).topology;

const SOLID = new Set(['endpoint', 'port', 'load-balancer', 'pod', 'host-stack']);
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box): boolean =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/** Pairs of solid objects that overlap, and solid objects outside their node frame. */
function problems(items: readonly LayoutItem[]): string[] {
  const frame = items.find((i) => i.kind === 'node')!.box;
  const solid = items.filter((i) => SOLID.has(i.kind)).sort((a, b) => a.box.x - b.box.x);
  const out: string[] = [];
  for (const a of solid) if (!inside(a.box, frame)) out.push(`${a.id} outside the node`);
  for (let i = 0; i < solid.length; i++) {
    const a = solid[i]!;
    for (let j = i + 1; j < solid.length && solid[j]!.box.x < a.box.x + a.box.w; j++) {
      const b = solid[j]!;
      if (overlaps(a.box, b.box)) out.push(`${a.id} overlaps ${b.id}`);
    }
  }
  return out;
}

describe('layout of dumped nodes', () => {
  it.each(corpus)('%s: no overlaps, everything inside the node', (f) => {
    const t = parse(f, readFileSync(new URL(f, dir), 'utf8'));
    const l = layoutTopology(t);
    expect(problems(l.items)).toEqual([]);
    // Every endpoint and load balancer is drawn (the corpus is small).
    for (const id of [...Object.keys(t.endpoints), ...Object.keys(t.loadBalancers)])
      expect(l.byId[id], id).toBeDefined();
  });

  it.each(corpus)('%s at the projector text scale: no overlaps, inside the node', (f) => {
    const t = parse(f, readFileSync(new URL(f, dir), 'utf8'));
    expect(problems(layoutTopology(t, { textScale: 1.75 }).items)).toEqual([]);
  });

  it('the large dump at the projector text scale: no overlaps', () => {
    const t = parse('big.json', syntheticDump(1, 300, 2000));
    expect(problems(layoutTopology(t, { textScale: 1.75 }).items)).toEqual([]);
  });

  it('marks derived objects and draws load balancers with their backends', () => {
    const t = parse(
      '43',
      readFileSync(
        new URL(
          corpus.find((f) => f.startsWith('43'))!,
          dir,
        ),
        'utf8',
      ),
    );
    const l = layoutTopology(t);
    const lbs = l.items.filter((i) => i.kind === 'load-balancer');
    expect(lbs.length).toBe(Object.keys(t.loadBalancers).length);
    expect(lbs.some((i) => /, backends /.test(i.ariaLabel))).toBe(true);
    const ports = l.items.filter((i) => i.kind === 'port');
    expect(ports.length).toBeGreaterThan(0);
    expect(ports.every((p) => p.derived === true && /derived/.test(p.ariaLabel))).toBe(true);
    // The object list marks the same objects as derived.
    const rows = (nodes: readonly TreeNode[]): TreeNode[] =>
      nodes.flatMap((n) => [n, ...rows(n.children)]);
    const tree = rows(buildObjectTree(t));
    for (const p of ports) expect(tree.find((r) => r.objectId === p.id)?.derived).toBe(true);
    const index = indexTopology(t);
    for (const r of tree.filter((x) => x.objectId !== null))
      expect(r.derived ?? false, r.key).toBe(index[r.key]?.provenance?.derived === true);
  });

  it('copes with a large dump (200 local, 100 remote endpoints, 2,000 load balancers)', () => {
    const t = parse('big.json', syntheticDump(1, 300, 2000));
    const l = layoutTopology(t); // (no hang: the vitest timeout bounds it)
    expect(problems(l.items)).toEqual([]);
    expect(l.items.filter((i) => i.kind === 'load-balancer')).toHaveLength(MAX_DRAWN_LBS);
    expect(
      l.captions.some((c) => /Load balancers \(2,000\) — 1,880 more are/.test(c.line.text)),
    ).toBe(true);
    expect(l.items.filter((i) => i.kind === 'endpoint')).toHaveLength(300);
    // A sensible shape: the 200 pod columns wrap into rows, not a 40,000-unit strip.
    expect(l.width / l.height).toBeGreaterThan(0.5);
    expect(l.width / l.height).toBeLessThan(3);
    // Ports of upper rows reach the vSwitch bar through the gutters, crossing no object.
    const solid = l.items.filter((i) => i.kind === 'endpoint' || i.kind === 'port');
    for (const link of l.links.filter((k) => k.points.length === 4)) {
      const [, , [gx, gy0] = [0, 0], [, gy1] = [0, 0]] = link.points;
      const hit = solid.find(
        (i) => gx > i.box.x && gx < i.box.x + i.box.w && i.box.y < gy1 && i.box.y + i.box.h > gy0,
      );
      expect(hit?.id, link.id).toBeUndefined();
    }
  });
});

describe('a dump laid out in steps', () => {
  it('gives the one-go layout, pausing every LAYOUT_STEP local endpoints', () => {
    const net = { ID: 'net-1', Name: 'cbr0', Type: 'L2Bridge' };
    const eps = Array.from({ length: 3000 }, (_, i) => ({
      ID: `ep-${i}`,
      Name: `ep-${i}`,
      VirtualNetwork: 'net-1',
      IPAddress: `10.1.${i >> 8}.${i & 255}`,
      IsRemoteEndpoint: i % 4 !== 0,
    }));
    const text = `${JSON.stringify([net, ...eps])}\n`;
    const a = parseInputs([{ name: 'big', text }]).topology;
    const b = parseInputs([{ name: 'big', text }]).topology;
    const steps = layoutTopologySteps(b);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(r.value).toEqual(layoutTopology(a));
    // Within the node's 750 slots; after its slots are listed, its 2,250 remote endpoints
    // ordered and their zone placed; and once after the node.
    expect(pauses).toBe(Math.ceil(750 / LAYOUT_STEP) - 1 + 3 + 1);
    expect(layoutTopology(b)).toBe(r.value); // cached
  });
});
