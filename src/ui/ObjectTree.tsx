import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { buildObjectTree, parentKeys } from '../layout/object-tree';
import { useAppStore, useStoreApi } from './StoreContext';
import { nextKey, rowSelector, visibleRows, type TreeRow } from './tree-rows';

/** Same words as the drawing's accessible names (`derivedNote` in layout/place-port.ts). */
const DERIVED_NOTE = 'derived by hnsviz from HNS policies';

const MOVES: Readonly<Record<string, 'down' | 'up' | 'home' | 'end'>> = {
  ArrowDown: 'down',
  ArrowUp: 'up',
  Home: 'home',
  End: 'end',
};

/**
 * Every object as a keyboard-navigable ARIA tree (roving tabindex). Enter or Space selects,
 * the same selection as a click in the drawing; a selection made in the drawing is revealed.
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

  // Reveal the selection: open its ancestors and make it the focusable row.
  const [revealed, setRevealed] = useState<string | null>(null);
  if (selectedId !== revealed) {
    setRevealed(selectedId);
    if (selectedId) {
      const open = new Set(expanded);
      for (let k = parents.get(selectedId); k; k = parents.get(k)) open.add(k);
      if (open.size !== expanded.size) setExpanded(open);
      setFocusKey(selectedId);
    }
  }

  const rows = useMemo(() => visibleRows(roots, expanded), [roots, expanded]);
  const activeKey = rows.some((r) => r.node.key === focusKey)
    ? focusKey
    : (rows[0]?.node.key ?? null);

  useEffect(() => {
    if (!selectedId) return undefined;
    // On the next frame: scrolling needs the rows just rendered laid out, and there that layout
    // is the frame's own rather than forced inside the task that rendered them.
    const scroll = (): void => {
      const el = listRef.current?.querySelector(rowSelector(selectedId));
      // Optional call: not every DOM (jsdom) implements scrollIntoView.
      el?.scrollIntoView?.({ block: 'nearest' });
    };
    if (typeof requestAnimationFrame !== 'function') {
      scroll();
      return undefined;
    }
    const frame = requestAnimationFrame(scroll);
    return () => cancelAnimationFrame(frame);
  }, [selectedId, rows]);

  const focusRow = (key: string | null): void => {
    if (!key) return;
    setFocusKey(key);
    listRef.current?.querySelector<HTMLElement>(rowSelector(key))?.focus();
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
    const row = rows.find((r) => r.node.key === activeKey);
    if (!row || !activeKey) return;
    const hasKids = row.node.children.length > 0;
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
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => {
          const { node } = row;
          const hasKids = node.children.length > 0;
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
      </ul>
    </nav>
  );
}
