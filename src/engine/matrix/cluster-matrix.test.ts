/**
 * The matrix of several nodes' dumps stitched into one cluster: the class-based matrix equals
 * tracing every cell, and traffic crosses from node to node with each node's own rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../../cluster/index';
import { bruteForceMatrix, cellAt, computeMatrix, planMatrix } from './index';
import { differences } from './matrix-diff.test-helper';

const fixture = (f: string) => ({
  name: f,
  bytes: new Uint8Array(readFileSync(new URL(`../../cluster/__fixtures__/${f}`, import.meta.url))),
});

const CLUSTERS = [
  ['l2bridge-win-a.txt', 'l2bridge-win-b.txt'],
  ['overlay-win-a.txt', 'overlay-win-b.txt'],
  // A stale remote endpoint on win-a for a pod win-b no longer has.
  ['l2bridge-win-a.txt', 'l2bridge-win-b-after.txt'],
] as const;

describe('matrix of a stitched multi-node cluster', () => {
  for (const files of CLUSTERS)
    it(`equals brute force: ${files.join(' + ')}`, () => {
      const r = parseCluster(files.map(fixture));
      expect(r.nodes.map((n) => n.name)).toEqual(['WIN-A', 'WIN-B']);
      const t = r.topology;
      const m = computeMatrix(t);
      // Rows from both nodes, hosts included.
      const nodes = new Set(m.sources.map((s) => s.node));
      expect(nodes.has('WIN-A') && nodes.has('WIN-B')).toBe(true);
      expect(m.sources.filter((s) => s.kind === 'host')).toHaveLength(2);
      expect(differences(m, bruteForceMatrix(t))).toEqual([]);
      // Some pod on one node reaches a pod on the other: cells cross the underlay.
      const crossing = m.sources.some((s, i) =>
        m.destinations.some(
          (d, j) =>
            s.kind === 'pod' &&
            d.kind === 'pod' &&
            d.node !== null &&
            d.node !== s.node &&
            cellAt(m, i, j)!.verdict === 'delivered',
        ),
      );
      expect(crossing).toBe(true);
    });

  it('a pod’s stand-ins on other nodes are its own: alike pods share a class', () => {
    // b1 and coredns on WIN-B are alike up to their identity, each with a remote endpoint on
    // WIN-A standing for it. Read as other objects, each stand-in was a mention of its pod at a
    // place of its own, and each such pod a class of its own (on a cluster, every backend pod).
    for (const files of CLUSTERS.slice(0, 2)) {
      const t = parseCluster(files.map(fixture)).topology;
      const plan = planMatrix(t);
      const classOf = (ip: string) =>
        plan.classes.findIndex((c) => c.some((i) => plan.sources[i]!.ip === ip));
      expect(classOf('10.244.2.10')).toBeGreaterThanOrEqual(0);
      expect(classOf('10.244.2.20')).toBe(classOf('10.244.2.10'));
      expect(plan.tokens[plan.classes[classOf('10.244.2.10')]![0]!]!.standInIds).toHaveLength(1);
    }
  });

  it('keeps b2’s policy across nodes: of the other pods on either node only a2 reaches it', () => {
    const m = computeMatrix(parseCluster(CLUSTERS[0].map(fixture)).topology);
    const b2 = m.destinations.findIndex(
      (d) => d.kind === 'pod' && d.ip === '10.244.2.11' && d.port === 8080,
    );
    expect(b2).toBeGreaterThanOrEqual(0);
    const reach = m.sources.flatMap((s, i) =>
      s.kind === 'pod' && s.ip !== '10.244.2.11' && cellAt(m, i, b2)!.verdict === 'delivered'
        ? [s.ip]
        : [],
    );
    const a2 = m.sources.find((s) => s.ip === '10.244.1.11');
    expect(a2).toBeDefined();
    expect(reach).toEqual([a2!.ip]);
  });
});
