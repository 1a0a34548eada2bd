/**
 * domain.md §7 S11: which DNS name forms of a Service reach it from a Windows pod, per design,
 * request and reply. From 1709 the pod's resolver appends the endpoint's suffixes only to a
 * name without dots; WS2016's kube-proxy DNS proxy retried every query with its suffix list.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { DESIGNS, type Design, type Topology } from '../model/types';
import { traceFlow, traceVerdict } from './trace';
import { TraceInputError, type Trace, type TraceRequest } from './types';

const ALL: Design[] = [...DESIGNS];
const NEW: Design[] = ALL.filter((d) => d !== 'old-winnat');
const topo = new Map<Design, Topology>();
const get = (d: Design) => topo.get(d) ?? (topo.set(d, buildScenario(d)), topo.get(d)!);
const tr = (d: Design, r: TraceRequest): Trace => traceFlow(get(d), r);

describe('S11 DNS name forms of Service web', () => {
  it.each(
    ALL.flatMap((d) =>
      ['web', 'web.default.svc.cluster.local', 'web.default.svc.cluster.local.'].map(
        (n) => [d, n] as const,
      ),
    ),
  )('%s: %s reaches a backend and the reply comes from the VIP', (d, name) => {
    const r: TraceRequest = { from: 'a1', to: `${name}:80`, reply: true, srcPort: 40001 };
    const t = tr(d, r);
    expect(t.legs.map((l) => l.verdict)).toEqual(['delivered', 'delivered']);
    expect(t.legs[0]!.deliveredTo?.kind).toBe('pod');
    expect(['b1', 'a2']).toContain(t.legs[0]!.deliveredTo?.name);
    expect(t.hops[0]!.before).toMatchObject({ dstIp: '10.96.10.10', dstPort: 80 });
    expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80 });
    expect(t.deliveredTo?.name).toBe('a1');
    if (name !== 'web') expect(t.assumptions.join(' ')).toMatch(/S11/);
    expect(traceVerdict(get(d), r)).toBe('delivered');
  });

  it.each(NEW)('%s: web.default (a name with dots) does not resolve: the reason names S11', (d) => {
    const run = () => tr(d, { from: 'a1', to: 'web.default:80', reply: true });
    expect(run).toThrow(TraceInputError);
    expect(run).toThrow(/appends the search suffixes only to a name without dots.*S11/);
    expect(() => traceVerdict(get(d), { from: 'a1', to: 'web.default:80' })).toThrow(
      TraceInputError,
    );
  });

  it('old-winnat: web.default resolves through kube-proxy’s DNS proxy; both legs via the proxy', () => {
    for (const name of ['web.default', 'web.default.svc']) {
      const t = tr('old-winnat', { from: 'a1', to: `${name}:80`, reply: true });
      expect(t.assumptions.join(' ')).toMatch(
        /DNS proxy retried the query with its suffixes and web\.default\.svc\.cluster\.local answered/,
      );
      expect(t.legs.map((l) => l.verdict)).toEqual(['delivered', 'delivered']);
      expect(t.hops.some((h) => h.action === 'proxy')).toBe(true);
      expect(t.final).toMatchObject({ srcIp: '10.96.10.10', srcPort: 80 });
    }
  });

  it('names of other namespaces, or of no Service, are not taken for DNS names', () => {
    expect(() => tr('new-l2bridge', { from: 'a1', to: 'web.other.svc.cluster.local:80' })).toThrow(
      /unknown pod, service/,
    );
    expect(
      tr('new-l2bridge', {
        from: 'a1',
        to: 'kube-dns.kube-system.svc.cluster.local:53',
        proto: 'udp',
        reply: true,
      }).verdict,
    ).toBe('delivered');
  });
});
