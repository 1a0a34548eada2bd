/**
 * Whether to derive VFP is decided once for a whole import, on the assembled cluster: four nodes
 * each under the parser's estimate (100 pods × 600 load balancers: ~61,000 rules) are 244,000
 * together, over `MAX_DERIVED_RULES_ESTIMATE`, so the cluster's VFP is left to derive per port
 * (each node alone was derived, and 20 such nodes held 1.3M rules on the page and in every
 * worker). Traces must not change: the engine derives each port it reaches.
 */
import { describe, expect, it } from 'vitest';
import { nodeDump } from '../../bench/cluster-bench';
import { syntheticDump } from '../../bench/parse-bench';
import { traceFlow } from '../engine/index';
import { isDeferredPort } from '../model/port-vfp';
import { programVfp } from '../model/program-vfp';
import { derivedRulesEstimate, MAX_DERIVED_RULES_ESTIMATE } from '../parsers/index';
import { parseCluster } from './index';

const base = syntheticDump(1, 100, 600);
const inputs = [0, 1, 2, 3].map((k) => ({ name: `node${k}.json`, bytes: nodeDump(base, k) }));

describe('VFP of a cluster over the estimate', () => {
  const alone = parseCluster([inputs[0]!]);
  const r = parseCluster(inputs);
  const t = r.topology;

  it('one node alone is derived; the four together are left to derive, and say so once', () => {
    expect(alone.diagnostics.map((d) => d.code)).not.toContain('I_VFP_DEFERRED');
    expect(Object.keys(alone.topology.rules).length).toBeGreaterThan(0);
    expect(r.nodes).toHaveLength(4);
    expect(derivedRulesEstimate(t)).toBeGreaterThan(MAX_DERIVED_RULES_ESTIMATE);
    const deferred = r.diagnostics.filter((d) => d.code === 'I_VFP_DEFERRED');
    expect(deferred).toHaveLength(1);
    expect(deferred[0]!.input).toBe('node0.json');
    expect(Object.keys(t.rules)).toHaveLength(0);
    const pods = Object.values(t.endpoints).filter((e) => !e.isRemote && e.portId !== null);
    expect(pods.length).toBe(400);
    for (const e of pods) expect(isDeferredPort(t, e.portId!), e.id).toBe(true);
  });

  it('traces are those of the derived cluster, across nodes and to services', () => {
    const full = programVfp(t);
    expect(Object.keys(full.rules).length).toBeGreaterThan(1000);
    const ips = (n: number) =>
      Object.values(t.endpoints)
        .filter((e) => !e.isRemote && e.nodeId === r.nodes[n]!.id)
        .map((e) => e.ipAddress!);
    const vips = Object.values(t.loadBalancers).flatMap((lb) =>
      lb.frontendVips.map((v) => `${v}:${lb.externalPort}`),
    );
    let delivered = 0;
    for (let k = 0; k < 24; k++) {
      const from = ips(k % 4)[(k * 7) % 100]!;
      const to = k % 3 === 0 ? `${ips((k + 1) % 4)[k]!}:80` : vips[(k * 37) % vips.length]!;
      for (const proto of ['tcp', 'udp'] as const) {
        const req = { from, to, proto, reply: true, seed: k };
        const want = traceFlow(full, req);
        expect(traceFlow(t, req), `${from} → ${to}/${proto}`).toEqual(want);
        if (want.verdict === 'delivered') delivered++;
      }
    }
    // Not all drops: the comparison crosses nodes and load balancers.
    expect(delivered).toBeGreaterThan(0);
  });
});
