// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { traceFlow } from '../engine/index';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { EventList } from './EventList';
import { StoreProvider } from './StoreContext';

afterEach(cleanup);

function show(t: Topology, from: string, to: string) {
  const store = createAppStore({ scenarioId: null, topology: t });
  const s = store.getState();
  s.setTraceRequest({ from, to, proto: 'tcp', reply: false });
  const runId = store.getState().traceRunId;
  store.getState().traceStarted(runId);
  const trace = traceFlow(t, { from, to, proto: 'tcp', reply: false });
  store.getState().traceSucceeded(runId, trace);
  render(
    <StoreProvider store={store}>
      <EventList />
    </StoreProvider>,
  );
  return trace;
}

describe('EventList', () => {
  it('says a packet stopped before its first hop, not "run a trace", when it has no events', () => {
    // The reference node with its host's routes gone: the host cannot send to a pod at all.
    const t = buildScenario('new-l2bridge');
    const node = Object.values(t.nodes)[0]!;
    const bare: Topology = {
      ...t,
      nodes: { ...t.nodes, [node.id]: { ...node, hostStack: { ...node.hostStack, routes: [] } } },
    };
    const trace = show(bare, node.id, '10.244.9.9');
    expect(trace.hops).toHaveLength(0);
    expect(screen.getByText(/^No events: the packet stopped before its first hop/)).toBeTruthy();
  });

  it('lists the events of a trace with hops', () => {
    const t = buildScenario('new-l2bridge');
    const trace = show(t, 'a1', 'b1:8080');
    expect(trace.hops.length).toBeGreaterThan(0);
    expect(screen.queryByText(/No events/)).toBeNull();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0);
  });
});
