import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../cluster/index';
import { buildScenario } from '../scenarios/index';
import { classify, macOf, search } from './search';

const file = (f: string) => ({
  name: f,
  bytes: readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url)),
});
const cluster = parseCluster([file('l2bridge-win-a.txt'), file('l2bridge-win-b.txt')]).topology;
const ids = (q: string) => search(cluster, q).hits.map((h) => h.id);

describe('search', () => {
  it('tells the kinds of query apart', () => {
    expect(
      [
        '10.244.2.10',
        '10.244.0.0/16',
        '10.96.0.10:53',
        '00-15-5D-F4-02-0A',
        '9d84a41d',
        'coredns',
      ].map(classify),
    ).toEqual(['ip', 'cidr', 'vip-port', 'mac', 'guid', 'name']);
    expect(['00-15-5D-F4-02-0A', '00:15:5d:f4:02:0a', '0015.5df4.020a'].map(macOf)).toEqual(
      Array(3).fill('00:15:5d:f4:02:0a'),
    );
  });

  it('an IP finds the pod, its endpoint on its node, then the remote endpoint for it', () => {
    const r = search(cluster, '10.244.2.10');
    expect(r.hits[0]).toMatchObject({ kind: 'pod', name: 'b1', nodeId: 'node:win-b' });
    const eps = r.hits.filter((h) => h.kind === 'endpoint');
    // The pod's own endpoint before the stand-in another node keeps for it.
    expect(eps.map((h) => [h.id, h.nodeId, h.why])).toEqual([
      ['9d84a41d-a0bd-46a8-aa63-4207c6160a22', 'node:win-b', 'endpoint IP 10.244.2.10'],
      ['349449bc-5126-48ab-a82b-cfeadb294291', 'node:win-a', 'remote endpoint IP 10.244.2.10'],
    ]);
    expect(r.hits.at(-1)?.kind).toBe('network'); // the subnet holding it, last
  });

  it('a MAC in any spelling, a GUID prefix, a CIDR, VIP:port and a name', () => {
    const mac = ids('00-15-5D-F4-02-0A');
    expect(mac).toEqual(ids('00:15:5d:f4:02:0a'));
    expect(mac).toContain('9d84a41d-a0bd-46a8-aa63-4207c6160a22');
    expect(ids('9D84A41D')[0]).toBe('9d84a41d-a0bd-46a8-aa63-4207c6160a22');
    expect(ids('{9d84a41d-a0bd')[0]).toBe('9d84a41d-a0bd-46a8-aa63-4207c6160a22');
    const cidr = search(cluster, '10.244.2.0/24').hits;
    expect(cidr.filter((h) => h.kind === 'endpoint').length).toBe(6); // 4 on WIN-B, 2 remote on WIN-A
    const dns = search(cluster, '10.96.0.10:53').hits;
    expect(dns.length).toBe(4); // TCP and UDP on both nodes
    expect(dns.every((h) => h.kind === 'load-balancer')).toBe(true);
    expect(search(cluster, 'COREDNS').hits[0]).toMatchObject({ kind: 'pod', name: 'coredns' });
    expect(search(cluster, 'win-b').hits[0]).toMatchObject({ kind: 'node', id: 'node:win-b' });
    expect(search(cluster, 'nothing-like-this').hits).toEqual([]);
  });

  it('caps the results and says so', () => {
    const t = buildScenario('new-l2bridge');
    const r = search(t, 'a'); // names with an a
    expect(r.hits.length).toBeLessThanOrEqual(50);
    expect(search(t, '').hits).toEqual([]);
  });
});
