// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { referenceCatalog } from './reference-catalog';
import { installUrlSync } from './url-sync';

afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

describe('installUrlSync', () => {
  it('writes a change of what is shown at once, and view changes after a quiet spell', () => {
    vi.useFakeTimers();
    const store = createAppStore({
      scenarioId: 'new-l2bridge',
      topology: buildScenario('new-l2bridge'),
    });
    const stop = installUrlSync(store, { catalog: referenceCatalog });
    store.getState().loadTopology('old-winnat', buildScenario('old-winnat'));
    // No timer has run: the design's link is in the address bar already.
    expect(window.location.hash).toMatch(/^#view=/);
    const design = window.location.hash;
    store.getState().select('pod:a1');
    expect(window.location.hash).toBe(design);
    vi.advanceTimersByTime(300);
    expect(window.location.hash).not.toBe(design);
    // A dump replaces the design: its view is never written, and the design's link goes at once.
    store.getState().loadTopology(null, buildScenario('new-overlay'));
    expect(window.location.hash).toBe('');
    stop();
  });
});
