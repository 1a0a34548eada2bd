// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceCatalog } from '../share/reference-catalog';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { HnsViewer } from './HnsViewer';

afterEach(cleanup);

function setup() {
  const store = createAppStore({
    scenarioId: 'new-l2bridge',
    topology: buildScenario('new-l2bridge'),
  });
  const view = render(<HnsViewer store={store} catalog={referenceCatalog} />);
  return { store, view };
}

describe('HnsViewer', () => {
  it('draws the topology and marks itself ready', () => {
    const { view } = setup();
    expect(view.container.querySelector('.hv-root')?.getAttribute('data-state')).toBe('ready');
    expect(view.container.querySelectorAll('svg [data-kind="node"]')).toHaveLength(2);
  });

  it('selects from the tree with the keyboard and shows the object in the inspector', () => {
    const { store } = setup();
    const tree = screen.getByRole('tree');
    const first = screen.getAllByRole('treeitem')[0];
    if (!first) throw new Error('no rows');
    first.focus();
    fireEvent.keyDown(tree, { key: 'Enter' });
    expect(store.getState().selectedId).toBe('node:win-a');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('win-a');
  });

  it('reveals a selection made elsewhere in the tree', () => {
    const { store } = setup();
    const ruleId = Object.keys(store.getState().topology?.rules ?? {})[0] ?? '';
    act(() => store.getState().select(ruleId));
    const row = [...document.querySelectorAll('[data-key]')].find(
      (el) => el.getAttribute('data-key') === ruleId,
    );
    expect(row?.getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('.hv-inspector .hv-kind')?.textContent).toBe('VFP rule');
  });

  it('switches design from the segmented control', () => {
    const { store } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Old · WS2016' }));
    expect(store.getState().scenarioId).toBe('old-winnat');
    expect(document.querySelectorAll('svg [data-kind="winnat"]')).toHaveLength(2);
  });
});
