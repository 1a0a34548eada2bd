import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from './create-app-store';
import { selectZoomLevel } from './selectors';

describe('createAppStore', () => {
  it('gives every viewer its own store', () => {
    const a = createAppStore({
      scenarioId: 'new-l2bridge',
      topology: buildScenario('new-l2bridge'),
    });
    const b = createAppStore();
    a.getState().select('pod:a1');
    expect(a.getState().selectedId).toBe('pod:a1');
    expect(b.getState().selectedId).toBeNull();
    expect(b.getState().topology).toBeNull();
  });

  it('expands the port of a selected layer and collapses on other selections', () => {
    const t = buildScenario('new-l2bridge');
    const store = createAppStore({ scenarioId: 'new-l2bridge', topology: t });
    const layerId = Object.keys(t.layers)[0] ?? '';
    store.getState().select(layerId);
    expect(store.getState().expandedPortId).toBe(t.layers[layerId]?.portId);
    expect(selectZoomLevel(store.getState())).toBe('port');
    store.getState().select('pod:a1');
    expect(store.getState().expandedPortId).toBeNull();
    expect(selectZoomLevel(store.getState())).toBe('cluster');
  });

  it('keeps a selection that exists in the next design and drops one that does not', () => {
    const store = createAppStore({
      scenarioId: 'old-winnat',
      topology: buildScenario('old-winnat'),
    });
    store.getState().select('pod:b1');
    store.getState().loadTopology('new-overlay', buildScenario('new-overlay'));
    expect(store.getState().selectedId).toBe('pod:b1');
    expect(store.getState().scenarioId).toBe('new-overlay');
    store.getState().select('winnat:node:win-a');
    store.getState().loadTopology('new-l2bridge', buildScenario('new-l2bridge'));
    expect(store.getState().selectedId).toBeNull();
  });
});
