import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../model/invariants';
import { canonicalText } from './output/canonical';
import { parseInputs } from './index';
import { sniffName } from './formats/file-names';
import { readerAt } from './formats/scan';
import { allVfpRules, vfpRuleCount } from '../model/vfp-rules';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const FIXTURES = path.join(here, '__fixtures__/corpus');
const SHARED = path.resolve(repoRoot, '../shared/corpus/hns');

const corpusFiles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, file)));
}

/** What each visible dump must yield: networks, endpoints, load balancers, read VFP rules. */
const EXPECTED: Record<string, [number, number, number, number]> = {
  '08-docker-nat-ovs-two-networks-fl.txt': [2, 0, 0, 0],
  '09-calico-overlay-remotesubnet-fl.txt': [1, 0, 0, 0],
  '10-calico-overlay-fl-broken-indent.txt': [1, 0, 0, 0],
  '11-flannel-external-overlay-fl.txt': [1, 0, 0, 0],
  '20-flannel-remote-endpoint-pa-json.txt': [1, 1, 0, 0],
  '29-antrea-transparent-endpoint-fl.txt': [1, 1, 0, 0],
  '30-rke2-calico-endpoint-fl-acl.txt': [1, 1, 0, 0],
  '31-calico-endpoints-trimmed-fl.txt': [2, 4, 0, 0],
  '39-calico-v2-loadbalancer-log-reformatted.txt': [0, 0, 1, 0],
  '40-calico-policylist-by-id-fl.txt': [0, 0, 1, 0],
  '43-flannel-vxlan-hnsdiag-list-all-with-lbs.txt': [3, 6, 4, 0],
  '44-antrea-hnsdiag-list-all-twice.txt': [3, 5, 0, 0],
  '45-antrea-hnsdiag-list-endpoints.txt': [1, 3, 0, 0],
  '46-flannel-vxlan-hnsdiag-list-loadbalancers-and-empty-vfp.txt': [0, 0, 8, 0],
  '47-rke2-hnsdiag-new-format-excerpt.txt': [1, 1, 0, 0],
  '50-rke2-vfp-acl-endpoint-layer-rules.txt': [0, 0, 0, 2],
  '51-vfpctrl-list-vmswitch-port-select-string.txt': [0, 0, 0, 0],
  '60-vfpctrl-group-sample-pa-route-group.txt': [0, 0, 0, 0],
  '61-vfpctrl-rule-sample-paroute-rule-data.txt': [0, 0, 0, 1],
};

describe('corpus dumps', () => {
  it('keeps the fixtures byte-identical to ../shared/corpus/hns when it is there', () => {
    if (!existsSync(SHARED)) return;
    for (const f of readdirSync(SHARED).filter((x) => x.endsWith('.txt'))) {
      expect(corpusFiles, `${f} missing from __fixtures__/corpus`).toContain(f);
      expect(
        Buffer.compare(readFileSync(path.join(SHARED, f)), Buffer.from(corpusBytes(f))),
        f,
      ).toBe(0);
    }
  });

  it.each(corpusFiles)('%s parses into the expected objects', async (file) => {
    const r = parseInputs([{ name: file, bytes: corpusBytes(file) }]);
    const t = r.topology;
    const read = Object.values(t.rules).filter((x) => x.provenance.by === 'dump').length;
    const counts = [
      Object.keys(t.networks).length,
      Object.keys(t.endpoints).length,
      Object.keys(t.loadBalancers).length,
      read,
    ];
    expect(counts).toEqual(EXPECTED[file]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.inputs[0]?.format).not.toBe('unknown');
    const structural = checkInvariants(t).filter((p) => p.code !== 'DUPLICATE_IP');
    expect(structural).toEqual([]);
    await expect(canonicalText(r)).toMatchFileSnapshot(`__snapshots__/${file}`);
  });

  it.each(corpusFiles)('%s gives the same objects without its file name', (file) => {
    const named = parseInputs([{ name: file, bytes: corpusBytes(file) }]);
    const anon = parseInputs([{ name: 'paste', bytes: corpusBytes(file) }]);
    expect(Object.keys(anon.topology.endpoints).sort()).toEqual(
      Object.keys(named.topology.endpoints).sort(),
    );
    expect(Object.keys(anon.topology.networks).length).toBe(
      Object.keys(named.topology.networks).length,
    );
    expect(Object.keys(anon.topology.loadBalancers).sort()).toEqual(
      Object.keys(named.topology.loadBalancers).sort(),
    );
  });

  it('reads collectlogs file names for hints, and content with the first reader that detects it', () => {
    expect(sniffName('C:/logs/endpoint.txt').hint).toBe('endpoint');
    expect(sniffName('routes.txt').skip).toBe(true);
    expect(
      readerAt(new TextDecoder().decode(corpusBytes('20-flannel-remote-endpoint-pa-json.txt'))),
    ).toBe('json');
    expect(readerAt('Networks:\nName  ID\n')).toBe('hnsdiag-table');
    expect(readerAt('  RULE : x\n')).toBe('vfpctrl');
    expect(readerAt('ID                 : abc\nName : x\n')).toBe('format-list');
    expect(readerAt('PS C:\\> route print\nInterface List\n')).toBe('host-text');
    expect(readerAt('I0101 12:00:00 x.go:1] net &{Id:abc Name:cbr0}')).toBe('go-struct');
    expect(readerAt('hello world')).toBe(null);
  });

  it('merges the v2 log view (39) and the v1 policy list view (40) of one load balancer', () => {
    const files = [
      '39-calico-v2-loadbalancer-log-reformatted.txt',
      '40-calico-policylist-by-id-fl.txt',
      '31-calico-endpoints-trimmed-fl.txt',
    ];
    const r = parseInputs(files.map((f) => ({ name: f, bytes: corpusBytes(f) })));
    const lbs = Object.values(r.topology.loadBalancers);
    expect(lbs).toHaveLength(1);
    const lb = lbs[0]!;
    expect(lb.id).toBe('a335d997-4160-44f9-9f72-1087a2cba45e');
    expect(lb.frontendVips).toEqual(['10.99.234.145']);
    expect(lb.sourceVip).toBe('100.244.206.66');
    expect([lb.protocol, lb.externalPort, lb.internalPort]).toEqual([6, 80, 8080]);
    expect(lb.backendEndpointIds.every((id) => id in r.topology.endpoints)).toBe(true);
    expect(r.conflicts).toEqual([]);
  });

  it('links a vfpctrl port to the endpoint it is named after (30 + 50)', () => {
    const files = [
      '30-rke2-calico-endpoint-fl-acl.txt',
      '50-rke2-vfp-acl-endpoint-layer-rules.txt',
    ];
    const r = parseInputs(files.map((f) => ({ name: f, bytes: corpusBytes(f) })));
    const ep = r.topology.endpoints['c9385412-bdef-49f5-88b0-c9d484ef6716']!;
    const port = r.topology.ports[ep.portId!]!;
    expect(port.endpointId).toBe(ep.id);
    const names = port.layerIds.map((l) => r.topology.layers[l]!.name);
    expect(names).toContain('ACL_ENDPOINT_LAYER');
    expect(r.vfpGiven).toBe(true);
  });

  it('derives VFP rules (marked derived) only for ports without vfpctrl data', () => {
    const alone = parseInputs([
      { name: 'ep', bytes: corpusBytes('30-rke2-calico-endpoint-fl-acl.txt') },
    ]);
    const derived = [...allVfpRules(alone.topology)];
    expect(derived.length).toBeGreaterThan(0);
    expect(derived.every((r) => r.provenance.derived)).toBe(true);
    const files = [
      '30-rke2-calico-endpoint-fl-acl.txt',
      '50-rke2-vfp-acl-endpoint-layer-rules.txt',
    ];
    const both = parseInputs(files.map((f) => ({ name: f, bytes: corpusBytes(f) })));
    const rules = [...allVfpRules(both.topology)];
    expect(rules.map((r) => r.provenance.derived)).toEqual([false, false]);
    const off = parseInputs(
      [{ name: 'ep', bytes: corpusBytes('30-rke2-calico-endpoint-fl-acl.txt') }],
      { deriveVfp: false },
    );
    expect(vfpRuleCount(off.topology)).toBe(0);
  });
});
