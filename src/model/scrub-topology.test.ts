import { describe, expect, it } from 'vitest';
import { traceFlow } from '../engine/trace';
import { buildScenario } from '../scenarios/index';
import { cidrContains, parseCidr, parseIpv4 } from '../shared/ip';
import { checkInvariants } from './invariants';
import { scrubTopology } from './scrub-topology';
import type { Topology } from './types';

const KEY = [1, 2, 3, 4];
const IPV4 = /(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d])/g;
const MAC = /[0-9a-f]{2}(?:[-:][0-9a-f]{2}){5}/gi;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ENUM_FIELDS = new Set(['type', 'kind', 'hnsType', 'role', 'action', 'mode', 'by', 'design']);
const KEPT = new Set(['0.0.0.0', '255.255.255.255', '127.0.0.1']);

/** A topology with a few GUIDs and MACs, as a dump would have. */
function withDumpIds(t: Topology): Topology {
  const [portId, port] = Object.entries(t.ports)[0]!;
  return {
    ...t,
    ports: {
      ...t.ports,
      [portId]: { ...port, name: '5F0C1A2B-3C4D-4E5F-8A9B-0C1D2E3F4A5B', mac: '00-15-5D-AA-BB-CC' },
    },
  };
}

describe('scrubTopology', () => {
  for (const id of ['old-winnat', 'new-l2bridge', 'new-overlay'] as const) {
    it(`${id}: no original IP, MAC, GUID or name survives`, () => {
      const t = withDumpIds(buildScenario(id));
      const before = JSON.stringify(t);
      // Enumeration fields keep their values (a network of type `nat` named `nat`, say).
      const after = JSON.stringify(scrubTopology(t, KEY), (k, v: unknown) =>
        ENUM_FIELDS.has(k) && typeof v === 'string' ? undefined : v,
      );
      const originals = new Set([
        ...(before.match(IPV4) ?? []),
        ...(before.match(MAC) ?? []),
        ...(before.match(GUID) ?? []),
      ]);
      const afterTokens = new Set([
        ...(after.match(IPV4) ?? []),
        ...(after.match(MAC) ?? []).map((m) => m.toLowerCase()),
        ...(after.match(GUID) ?? []).map((g) => g.toLowerCase()),
      ]);
      for (const o of originals)
        if (!KEPT.has(o)) expect(afterTokens.has(o.toLowerCase()), o).toBe(false);
      const names = [
        ...Object.values(t.nodes).map((n) => n.name),
        ...Object.values(t.pods).flatMap((p) => [p.name, p.namespace]),
        ...Object.values(t.services).map((s) => s.name),
        ...Object.values(t.networks).map((n) => n.name),
      ];
      for (const n of names)
        expect(after, n).not.toMatch(new RegExp(`(?<![A-Za-z0-9_])${n}(?![A-Za-z0-9_])`));
    });
  }

  it('is consistent: same input → same output; references still resolve', () => {
    const t = buildScenario('new-overlay');
    const a = scrubTopology(t, KEY);
    expect(scrubTopology(t, KEY)).toEqual(a);
    expect(checkInvariants(a)).toEqual([]);
    expect(Object.keys(a.endpoints)).toHaveLength(Object.keys(t.endpoints).length);
    const a1 = Object.values(t.pods).find((p) => p.name === 'a1')!;
    const scrubbedA1 = a.pods[Object.keys(a.pods)[Object.keys(t.pods).indexOf(a1.id)]!]!;
    // The same pod IP maps to the same address everywhere it appears.
    const ep = a.endpoints[scrubbedA1.endpointIds[0]!]!;
    expect(ep.ipAddress).toBe(scrubbedA1.ip);
  });

  it('is injective: different addresses and names stay different', () => {
    const t = buildScenario('old-winnat');
    const a = scrubTopology(t, KEY);
    const ips = (x: Topology) => new Set(Object.values(x.endpoints).map((e) => e.ipAddress));
    expect(ips(a).size).toBe(ips(t).size);
    const names = (x: Topology) => new Set(Object.values(x.pods).map((p) => p.name));
    expect(names(a).size).toBe(names(t).size);
  });

  it('depends on the key', () => {
    const t = buildScenario('new-l2bridge');
    const a = scrubTopology(t, [1]);
    const b = scrubTopology(t, [2]);
    expect(Object.values(a.pods)[0]?.ip).not.toBe(Object.values(b.pods)[0]?.ip);
  });

  it('preserves prefixes, so a trace gives the same verdict and path', () => {
    for (const id of ['old-winnat', 'new-l2bridge', 'new-overlay'] as const) {
      const t = buildScenario(id);
      const s = scrubTopology(t, KEY);
      const svc =
        Object.values(t.services).find((x) => x.name !== 'kube-dns') ??
        Object.values(t.services)[0]!;
      const sSvc = s.services[Object.keys(s.services)[Object.keys(t.services).indexOf(svc.id)]!]!;
      const podA = Object.values(t.pods)[0]!;
      const sPodA = s.pods[Object.keys(s.pods)[0]!]!;
      const port = svc.ports[0]!;
      const orig = traceFlow(t, { from: podA.name, to: `${svc.clusterIp}:${port.port}` });
      const scrubbed = traceFlow(s, { from: sPodA.name, to: `${sSvc.clusterIp}:${port.port}` });
      // The backend pick hashes the addresses, so the path may differ; the outcome may not.
      expect(scrubbed.verdict, id).toBe(orig.verdict);
      expect(scrubbed.deliveredTo?.kind, id).toBe(orig.deliveredTo?.kind);
    }
  });

  it('keeps every "address in prefix" answer', () => {
    const t = buildScenario('new-overlay');
    const s = scrubTopology(t, KEY);
    const ipsOf = (x: Topology) => Object.values(x.endpoints).map((e) => e.ipAddress ?? '0.0.0.0');
    const prefixesOf = (x: Topology) =>
      Object.values(x.rules).flatMap((r) => r.conditions.dstPrefixes ?? []);
    const answers = (x: Topology) =>
      ipsOf(x).flatMap((ip) =>
        prefixesOf(x).map((p) => {
          const c = parseCidr(p);
          const a = parseIpv4(ip);
          return c !== null && a !== null && cidrContains(c, a);
        }),
      );
    expect(answers(s)).toEqual(answers(t));
    expect(answers(t).filter(Boolean).length).toBeGreaterThan(10);
  });
});
