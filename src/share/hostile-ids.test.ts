/**
 * Ids shaped like Object.prototype's members (`__proto__`, `constructor`, `toString`, …) are
 * plain ids everywhere: read from a dump, checked, traced, indexed, scrubbed and shared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceFlow } from '../engine/trace';
import { indexTopology } from '../layout/object-index';
import { checkInvariants } from '../model/invariants';
import { scrubTopology } from '../model/scrub-topology';
import { parseInputs } from '../parsers/index';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { whyNotShareable } from './codec';
import { applyViewState } from './store-link';
import { defaultViewState, parseViewState } from './view-state';

const PROTO_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];
const KNOWN = ['old-winnat', 'new-l2bridge', 'new-overlay'];
const catalog = { ids: KNOWN, build: (id: string) => buildScenario(id as 'new-l2bridge') };

/** A v1 dump: one network and endpoints with the given ids, one load balancer over them. */
function dump(netId: string, epIds: readonly string[], lbId: string): string {
  const net = {
    ID: netId,
    Name: netId,
    Type: 'L2Bridge',
    Subnets: [{ AddressPrefix: '10.244.7.0/24', GatewayAddress: '10.244.7.1' }],
  };
  const eps = epIds.map((id, i) => ({
    ID: id,
    Name: id,
    VirtualNetwork: netId,
    IPAddress: `10.244.7.${10 + i}`,
    PrefixLength: 24,
    MacAddress: `00-15-5D-00-00-${(16 + i).toString(16)}`,
    Policies: [],
  }));
  const lb = {
    ID: lbId,
    Policies: [
      { Type: 'ELB', VIPs: ['10.96.0.10'], InternalPort: 80, ExternalPort: 80, Protocol: 6 },
    ],
    References: epIds.map((id) => `/endpoints/${id}`),
  };
  return JSON.stringify([net, ...eps, lb]);
}

describe('prototype-shaped ids', () => {
  it('every object of a dump keeps its id, whatever the id', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTO_IDS),
        fc.uniqueArray(fc.constantFrom(...PROTO_IDS), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...PROTO_IDS),
        (netId, epIds, lbId) => {
          const t = parseInputs([
            { name: 'hostile.json', text: dump(netId, epIds, lbId) },
          ]).topology;
          expect(Object.keys(t.networks)).toEqual([netId]);
          expect(Object.keys(t.endpoints).sort()).toEqual([...epIds].sort());
          expect(Object.keys(t.loadBalancers)).toEqual([lbId]);
          for (const table of [t.networks, t.endpoints, t.loadBalancers, t.ports])
            expect([null, Object.prototype]).toContain(Object.getPrototypeOf(table));
          expect(checkInvariants(t)).toEqual([]);
          const index = indexTopology(t);
          for (const id of epIds) expect(Object.hasOwn(index, id)).toBe(true);
          // The endpoint named like a prototype member traces as itself.
          const tr = traceFlow(t, { from: epIds[0]!, to: '10.244.7.99:80' });
          expect(tr.hops[0]?.name ?? '').not.toContain('function');
          // It survives a scrub and a link's validation.
          const s = scrubTopology(t, [1, 2, 3, 4]);
          expect(Object.keys(s.endpoints)).toHaveLength(epIds.length);
          const view = {
            ...defaultViewState('new-l2bridge'),
            source: { kind: 'dump' as const, topology: t, scrubbed: false },
            selected: epIds[0]!,
          };
          expect(whyNotShareable(view, KNOWN)).toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a link selecting a prototype member selects nothing', () => {
    for (const selected of PROTO_IDS) {
      const r = parseViewState({ ...defaultViewState('new-l2bridge'), selected }, KNOWN);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const store = createAppStore();
      applyViewState(store, r.state, catalog);
      expect(store.getState().selectedId, selected).toBeNull();
    }
  });

  it('a trace from a prototype member is an unknown source, not an object', () => {
    const t = buildScenario('new-l2bridge');
    for (const from of PROTO_IDS)
      expect(() => traceFlow(t, { from, to: '10.96.0.10:53' }), from).toThrow(/unknown/);
  });
});
