import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { buildObjectTree, hasRows, parentKeys } from '../layout/object-tree';
import { windowOf } from './matrix-view';
import { useAppStore, useStoreApi } from './StoreContext';
import { nearestTop, nextKey, rowSelector, visibleRows, type TreeRow } from './tree-rows';

/** Same words as the drawing's accessible names (`derivedNote` in layout/place-port.ts). */
const DERIVED_NOTE = 'derived by hnsviz from HNS policies';

/** A row's height in pixels: `.hv-tree .hv-row` in viewer.css sets the same. */
export const TREE_ROW_H = 27;
/** Rows rendered beyond each edge of the view (arrow keys always land on a rendered row). */
const OVERSCAN = 8;

const MOVES: Readonly<Record<string, 'down' | 'up' | 'home' | 'end'>> = {
  ArrowDown: 'down',
  ArrowUp: 'up',
  Home: 'home',
  End: 'end',
};

/** The list's height before it is measured: the window's, which no tree panel exceeds. */
const guessHeight = (): number => (typeof window === 'undefined' ? 800 : window.innerHeight);

/**
 * Every object as a keyboard-navigable ARIA tree (roving tabindex). Enter or Space selects,
 * the same selection as a click in the drawing; a selection made in the drawing is revealed.
 * Only the rows in view (and a few around them) are rendered, each `TREE_ROW_H` high, the
 * others stood for by a spacer above and below them (out of the accessibility tree): opening a pod of a 20-node cluster renders a few
 * dozen rows, not the hundreds above and below it. Every rendered row keeps its level,
 * position and set size, so a screen reader announces the whole tree's structure.
 */
export function ObjectTree() {
  const topology = useAppStore((s) => s.topology);
  const selectedId = useAppStore((s) => s.selectedId);
  const store = useStoreApi();
  const roots = useMemo(() => (topology ? buildObjectTree(topology) : []), [topology]);
  const parents = useMemo(() => parentKeys(roots), [roots]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The list's scroll offset and height, as last seen (the window of rows rendered).
  const [view, setView] = useState(() => ({ top: 0, h: guessHeight() }));
  // A row to bring into view and focus once rendered (a keyboard move beyond the window).
  const pendingFocus = useRef<string | null>(null);

  // Reveal the selection: open its ancestors and make it the focusable row.
  const [revealed, setRevealed] = useState<string | null>(null);
  const [reveal, setReveal] = useState<string | null>(null);
  if (selectedId !== revealed) {
    setRevealed(selectedId);
    if (selectedId) {
      const open = new Set(expanded);
      for (let k = parents.get(selectedId); k; k = parents.get(k)) open.add(k);
      if (open.size !== expanded.size) setExpanded(open);
      setFocusKey(selectedId);
      setReveal(selectedId);
    }
  }

  const rows = useMemo(() => visibleRows(roots, expanded), [roots, expanded]);
  const indexOf = (key: string | null): number =>
    key === null ? -1 : rows.findIndex((r) => r.node.key === key);
  const activeKey = indexOf(focusKey) >= 0 ? focusKey : (rows[0]?.node.key ?? null);

  // The revealed row is rendered in this very commit: the window moves to it now, and the
  // list's scroll offset follows on the next frame.
  const [scrollTarget, setScrollTarget] = useState<{ key: string; top: number } | null>(null);
  if (reveal !== null) {
    setReveal(null);
    const i = indexOf(reveal);
    if (i >= 0) {
      const top = nearestTop(i, view.top, view.h, TREE_ROW_H);
      setScrollTarget({ key: reveal, top });
      if (top !== view.top) setView({ top, h: view.h });
    }
  }

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || typeof ResizeObserver !== 'function') return undefined;
    // Measured when the browser lays the list out anyway (never forced inside a commit).
    const ro = new ResizeObserver(() => {
      const h = el.clientHeight;
      setView((v) => (v.h === h || h === 0 ? v : { top: v.top, h }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const target = scrollTarget;
    if (!target) return undefined;
    // On the next frame: the list's own height is known there without forcing a layout of
    // the page just rendered; the row is brought to the nearest edge as `scrollIntoView` would.
    const scroll = (): void => {
      setScrollTarget(null);
      const el = listRef.current;
      const i = rows.findIndex((r) => r.node.key === target.key);
      if (!el || i < 0) return;
      const h = el.clientHeight || view.h;
      const top = nearestTop(i, target.top, h, TREE_ROW_H);
      if (el.scrollTop !== top) el.scrollTop = top;
      setView((v) => (v.top === top && v.h === h ? v : { top, h }));
    };
    if (typeof requestAnimationFrame !== 'function') {
      scroll();
      return undefined;
    }
    const frame = requestAnimationFrame(scroll);
    return () => cancelAnimationFrame(frame);
  }, [scrollTarget, rows, view.h]);

  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    const el = listRef.current?.querySelector<HTMLElement>(rowSelector(key));
    if (!el) return;
    pendingFocus.current = null;
    el.focus();
  });

  const win = windowOf(view.top, view.h, TREE_ROW_H, rows.length, OVERSCAN);
  const shown = rows.slice(win.first, win.first + win.n);
  const activeShown = shown.some((r) => r.node.key === activeKey);

  const focusRow = (key: string | null): void => {
    if (!key) return;
    setFocusKey(key);
    const el = listRef.current?.querySelector<HTMLElement>(rowSelector(key));
    if (el) {
      el.focus();
      return;
    }
    // Not rendered: move the window to it, and focus it once rendered (focus scrolls to it).
    const i = indexOf(key);
    if (i < 0) return;
    pendingFocus.current = key;
    const list = listRef.current;
    const h = list?.clientHeight || view.h;
    const top = nearestTop(i, view.top, h, TREE_ROW_H);
    if (list) list.scrollTop = top;
    setView({ top, h });
  };
  const toggle = (key: string, open: boolean): void => {
    const next = new Set(expanded);
    if (open) next.add(key);
    else next.delete(key);
    setExpanded(next);
  };
  const activate = (row: TreeRow): void => {
    if (row.node.objectId) store.getState().select(row.node.objectId);
    else toggle(row.node.key, !expanded.has(row.node.key));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const row = rows[indexOf(activeKey)];
    if (!row || !activeKey) return;
    const hasKids = hasRows(row.node);
    const isOpen = expanded.has(activeKey);
    const move = MOVES[e.key];
    if (move) focusRow(nextKey(rows, activeKey, move));
    else if (e.key === 'ArrowRight') {
      if (hasKids && !isOpen) toggle(activeKey, true);
      else focusRow(nextKey(rows, activeKey, 'child'));
    } else if (e.key === 'ArrowLeft') {
      if (hasKids && isOpen) toggle(activeKey, false);
      else focusRow(nextKey(rows, activeKey, 'parent'));
    } else if (e.key === 'Enter' || e.key === ' ') activate(row);
    else return;
    e.preventDefault();
  };
  // Scrolled away from the focusable row, the list itself takes Tab and hands focus to it.
  const onFocus = (e: FocusEvent<HTMLUListElement>): void => {
    if (e.target === e.currentTarget) focusRow(activeKey);
  };

  return (
    <nav className="hv-tree-panel" aria-labelledby="hv-tree-title">
      <h2 id="hv-tree-title" className="hv-panel-title">
        Objects
      </h2>
      <ul
        className="hv-tree"
        role="tree"
        aria-labelledby="hv-tree-title"
        ref={listRef}
        tabIndex={activeShown ? undefined : 0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onScroll={(e) => {
          const top = e.currentTarget.scrollTop;
          setView((v) => (v.top === top ? v : { top, h: v.h }));
        }}
      >
        {win.before > 0 && <Spacer height={win.before} edge="before" />}
        {shown.map((row) => {
          const { node } = row;
          const hasKids = hasRows(node);
          return (
            <li
              key={node.key}
              role="treeitem"
              data-key={node.key}
              data-kind={node.kind}
              aria-level={row.level}
              aria-posinset={row.posInSet}
              aria-setsize={row.setSize}
              aria-expanded={hasKids ? expanded.has(node.key) : undefined}
              aria-selected={node.objectId !== null ? node.objectId === selectedId : undefined}
              tabIndex={node.key === activeKey ? 0 : -1}
              className={`hv-row${node.objectId === null ? ' hv-heading' : ''}${node.derived ? ' is-derived' : ''}`}
              data-derived={node.derived ? 'true' : undefined}
              style={{ paddingInlineStart: `${(row.level - 1) * 16 + 6}px` }}
              onClick={() => {
                setFocusKey(node.key);
                activate(row);
              }}
            >
              <span
                className="hv-twisty"
                aria-hidden="true"
                onClick={(e) => {
                  if (!hasKids) return;
                  e.stopPropagation();
                  toggle(node.key, !expanded.has(node.key));
                }}
              >
                {hasKids ? (expanded.has(node.key) ? '▾' : '▸') : ''}
              </span>
              <span className={`hv-kind-dot kind-${node.kind}`} aria-hidden="true" />
              {node.label}
              {node.derived && (
                <span className="hv-derived-tag" title={DERIVED_NOTE}>
                  <span aria-hidden="true">derived</span>
                  <span className="hv-sr-only"> ({DERIVED_NOTE})</span>
                </span>
              )}
            </li>
          );
        })}
        {win.after > 0 && <Spacer height={win.after} edge="after" />}
      </ul>
    </nav>
  );
}

/** The height of the rows not rendered on one side of the window (not part of the tree). */
function Spacer({ height, edge }: { height: number; edge: 'before' | 'after' }) {
  return <li role="none" aria-hidden="true" data-spacer={edge} style={{ height }} />;
}
