import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../cluster/index';
import type { ParseInput } from '../parsers/index';
import { lintCluster } from './index';

const text = (f: string): string =>
  readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url), 'utf8');
const file = (f: string): ParseInput => ({ name: f, text: text(f) });
const lint = (...inputs: ParseInput[]) => lintCluster(parseCluster(inputs));
const codes = (...inputs: ParseInput[]) => lint(...inputs).map((f) => f.code);

describe('cluster lint', () => {
  it('a healthy two-node cluster has no findings (no false duplicate IP / VIP across nodes)', () => {
    expect(codes(file('l2bridge-win-a.txt'), file('l2bridge-win-b.txt'))).toEqual([]);
    expect(codes(file('overlay-win-a.txt'), file('overlay-win-b.txt'))).toEqual([]);
  });

  it('duplicate IP / VIP still fire within one node', () => {
    const a = text('l2bridge-win-a.txt').replace(
      '"IPAddress":  "10.244.1.11"',
      '"IPAddress":  "10.244.1.10"',
    );
    expect(codes({ name: 'a.txt', text: a })).toContain('duplicate-ip');
  });

  it('remote endpoint whose pod is gone: stale, naming both nodes and the load balancers', () => {
    const f = lint(file('l2bridge-win-a.txt'), file('l2bridge-win-b-after.txt'));
    const stale = f.find((x) => x.code === 'remote-endpoint-stale')!;
    expect(stale.severity).toBe('error');
    expect(stale.problem).toMatch(/on WIN-A stands for 10\.244\.2\.10/);
    expect(stale.evidence).toMatch(/WIN-B has no local endpoint with 10\.244\.2\.10/);
    expect(stale.objectIds[0]).toBe('349449bc-5126-48ab-a82b-cfeadb294291');
    expect(stale.objectIds.length).toBe(4); // + ClusterIP, NodePort, externalIP LBs on WIN-A
    // …and the two nodes' web load balancers no longer agree.
    const differ = f.filter((x) => x.code === 'service-backends-differ');
    expect(differ.map((x) => x.title)).toContain('Backends of 10.96.10.10:80 differ between nodes');
    expect(differ[0]!.evidence).toMatch(
      /WIN-A: 10\.244\.1\.11, 10\.244\.2\.10; WIN-B: 10\.244\.1\.11/,
    );
  });

  it('a PA no imported node owns (only with several nodes)', () => {
    const b = text('overlay-win-b.txt').replace(/10\.0\.0\.5/g, '10.0.0.7');
    expect(codes(file('overlay-win-a.txt'), { name: 'b.txt', text: b })).toContain('pa-unowned');
    expect(codes(file('overlay-win-a.txt'))).not.toContain('pa-unowned');
  });

  it('overlay RemoteSubnetRoute disagreeing with the owner: VNI and DR MAC', () => {
    const a = text('overlay-win-a.txt')
      .replace('"IsolationId":  4096', '"IsolationId":  4097')
      .replace(
        '"DistributedRouterMacAddress":  "0e-2a-0a-00-00-05"',
        '"DistributedRouterMacAddress":  "0e-2a-0a-00-00-99"',
      );
    const f = lint({ name: 'a.txt', text: a }, file('overlay-win-b.txt'));
    const m = f.find((x) => x.code === 'overlay-route-mismatch')!;
    expect(m.evidence).toMatch(/VNI 4097, but WIN-B's subnet has VSID 4096/);
    expect(m.evidence).toMatch(
      /DR MAC 0e:2a:0a:00:00:99, but WIN-B's network has 0e:2a:0a:00:00:05/,
    );
    expect(m.objectIds).toHaveLength(2);
  });

  it('the same pod IP and MAC on two nodes', () => {
    const c = text('l2bridge-win-b.txt')
      .replace('on WIN-B at', 'on WIN-C at')
      .replace(/WIN-B/g, 'WIN-C')
      .replace(/10\.0\.0\.5/g, '10.0.0.6')
      .replace(/10\.244\.2\./g, '10.244.9.')
      .replace('"IPAddress":  "10.244.9.11"', '"IPAddress":  "10.244.1.10"')
      .replace('"MacAddress":  "00-15-5D-F4-02-0B"', '"MacAddress":  "00-15-5D-F4-01-0A"');
    const f = codes(file('l2bridge-win-a.txt'), { name: 'c.txt', text: c });
    expect(f).toContain('duplicate-pod-ip');
    expect(f).toContain('duplicate-pod-mac');
  });

  it('mixed network types', () => {
    expect(codes(file('l2bridge-win-a.txt'), file('overlay-win-b.txt'))).toContain(
      'mixed-network-types',
    );
  });

  it('a node dumped without VFP when another has it', () => {
    const sample = readFileSync(
      new URL('../dump-import/__fixtures__/collector-sample.txt', import.meta.url),
      'utf8',
    );
    const b = text('overlay-win-b.txt');
    const f = lint({ name: 'sample.txt', text: sample }, { name: 'b.txt', text: b });
    const v = f.find((x) => x.code === 'node-without-vfp')!;
    expect(v.title).toBe('No VFP output for WIN-B');
    expect(codes(file('overlay-win-a.txt'), file('overlay-win-b.txt'))).not.toContain(
      'node-without-vfp',
    );
  });
});
