// @vitest-environment jsdom
/**
 * The object tree renders only the rows in view (and a few around them): a selection deep in a
 * big outline is rendered, selected and focusable; the keyboard reaches rows that were not
 * rendered; every rendered row is the outline's row at its place, with the same level,
 * position and set size as the whole tree's.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localEndpointId, localEndpoints } from '../layout/__fixtures__/local-endpoints';
import { buildObjectTree, parentKeys } from '../layout/object-tree';
import { parseInputs } from '../parsers/index';
import { createAppStore } from '../state/create-app-store';
import { ObjectTree, TREE_ROW_H } from './ObjectTree';
import { StoreProvider } from './StoreContext';
import { nearestTop, visibleRows } from './tree-rows';

afterEach(cleanup);

const N = 600;
const epId = localEndpointId;

function bigDump() {
  return parseInputs([{ name: 'big.json', text: localEndpoints(N) }], { deriveVfp: false })
    .topology;
}

function setup() {
  const topology = bigDump();
  const store = createAppStore({ topology });
  render(
    <StoreProvider store={store}>
      <ObjectTree />
    </StoreProvider>,
  );
  return { store, topology };
}

const shownRows = (): HTMLElement[] => screen.queryAllByRole('treeitem');
const list = (): HTMLElement => screen.getByRole('tree');
/** The height a spacer stands for (0 without one). */
const spacer = (edge: 'before' | 'after'): number =>
  parseFloat(list().querySelector<HTMLElement>(`[data-spacer="${edge}"]`)?.style.height ?? '0');

/** The rendered rows are the outline's rows from the window's first, attribute for attribute. */
function expectRowsOfOutline(roots: ReturnType<typeof buildObjectTree>, open: Set<string>): void {
  const all = visibleRows(roots, open);
  const first = Math.round(spacer('before') / TREE_ROW_H);
  const shown = shownRows();
  expect(shown.length).toBeGreaterThan(0);
  shown.forEach((el, k) => {
    const row = all[first + k]!;
    expect(el.getAttribute('data-key')).toBe(row.node.key);
    expect(el.getAttribute('aria-level')).toBe(String(row.level));
    expect(el.getAttribute('aria-posinset')).toBe(String(row.posInSet));
    expect(el.getAttribute('aria-setsize')).toBe(String(row.setSize));
  });
  // The spacers stand for every row not rendered.
  expect((first + shown.length) * TREE_ROW_H + spacer('after')).toBe(all.length * TREE_ROW_H);
}

describe('ObjectTree, rows in view only', () => {
  it('reveals a selection deep in a big outline, rendering a window around it', () => {
    const { store, topology } = setup();
    const last = Object.keys(topology.endpoints).find((id) => id.includes(epId(N - 1)))!;
    expect(last).toBeTruthy();
    act(() => store.getState().select(last));
    const row = shownRows().find((el) => el.getAttribute('data-key') === last);
    expect(row?.getAttribute('aria-selected')).toBe('true');
    expect(row?.getAttribute('tabindex')).toBe('0');
    // Hundreds of rows open, a window of them rendered.
    expect(shownRows().length).toBeLessThan(100);
    expect(spacer('before')).toBeGreaterThan(0);
  });

  it('renders exactly the outline rows of its window, with their levels and positions', () => {
    const { store, topology } = setup();
    const mid = Object.keys(topology.endpoints).find((id) => id.includes(epId(N >> 1)))!;
    act(() => store.getState().select(mid));
    const roots = buildObjectTree(topology);
    // The selection's ancestors are what the reveal opened.
    const parents = parentKeys(roots);
    const open = new Set<string>();
    for (let k = parents.get(mid); k; k = parents.get(k)) open.add(k);
    expect(visibleRows(roots, open).length).toBeGreaterThan(N);
    expectRowsOfOutline(roots, open);
  });

  it('moves focus with Home and End to rows outside the window', () => {
    const { store, topology } = setup();
    const last = Object.keys(topology.endpoints).find((id) => id.includes(epId(N - 1)))!;
    act(() => store.getState().select(last));
    const roots = buildObjectTree(topology);
    const firstKey = roots[0]!.key;
    const row = shownRows().find((el) => el.getAttribute('data-key') === last)!;
    act(() => row.focus());
    expect(shownRows().some((el) => el.getAttribute('data-key') === firstKey)).toBe(false);
    fireEvent.keyDown(list(), { key: 'Home' });
    expect(document.activeElement?.getAttribute('data-key')).toBe(firstKey);
    expect(document.activeElement?.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(list(), { key: 'End' });
    const lastRow = shownRows().at(-1)!;
    expect(document.activeElement).toBe(lastRow);
    expect(spacer('after')).toBe(0);
  });

  it('hands Tab focus from the list to the focusable row when it is scrolled away', () => {
    const { store, topology } = setup();
    const last = Object.keys(topology.endpoints).find((id) => id.includes(epId(N - 1)))!;
    act(() => store.getState().select(last));
    const tree = list();
    // Scrolled back to the top: the selected (focusable) row is no longer rendered.
    tree.scrollTop = 0;
    fireEvent.scroll(tree);
    expect(shownRows().some((el) => el.getAttribute('data-key') === last)).toBe(false);
    expect(tree.getAttribute('tabindex')).toBe('0');
    act(() => tree.focus());
    expect(document.activeElement?.getAttribute('data-key')).toBe(last);
  });
});

describe('nearestTop', () => {
  it('keeps a row in full view where it is, else brings it to the nearest edge', () => {
    expect(nearestTop(5, 0, 270, 27)).toBe(0);
    expect(nearestTop(9, 0, 270, 27)).toBe(0);
    expect(nearestTop(10, 0, 270, 27)).toBe(27);
    expect(nearestTop(100, 0, 270, 27)).toBe(101 * 27 - 270);
    expect(nearestTop(3, 500, 270, 27)).toBe(81);
    expect(nearestTop(0, 0, 10, 27)).toBe(0);
  });
});
