import { hasRows, type TreeNode } from '../layout/object-tree';

/** A visible row of the outline, flattened for rendering and keyboard navigation. */
export interface TreeRow {
  readonly node: TreeNode;
  readonly level: number;
  readonly parentKey: string | null;
  readonly posInSet: number;
  readonly setSize: number;
}

/** Rows visible with `expanded` keys open, in document order. */
export function visibleRows(roots: readonly TreeNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly TreeNode[], level: number, parentKey: string | null): void => {
    nodes.forEach((node, i) => {
      rows.push({ node, level, parentKey, posInSet: i + 1, setSize: nodes.length });
      if (expanded.has(node.key) && hasRows(node)) walk(node.children, level + 1, node.key);
    });
  };
  walk(roots, 1, null);
  return rows;
}

/** The key of the row `key` moves to for a navigation key, or null to do nothing. */
export function nextKey(
  rows: readonly TreeRow[],
  key: string,
  move: 'down' | 'up' | 'home' | 'end' | 'parent' | 'child',
): string | null {
  const i = rows.findIndex((r) => r.node.key === key);
  if (i < 0) return rows[0]?.node.key ?? null;
  switch (move) {
    case 'down':
      return rows[Math.min(i + 1, rows.length - 1)]?.node.key ?? null;
    case 'up':
      return rows[Math.max(i - 1, 0)]?.node.key ?? null;
    case 'home':
      return rows[0]?.node.key ?? null;
    case 'end':
      return rows[rows.length - 1]?.node.key ?? null;
    case 'parent':
      return rows[i]?.parentKey ?? null;
    case 'child': {
      const next = rows[i + 1];
      return next && next.parentKey === key ? next.node.key : null;
    }
  }
}

/** `[data-key="…"]` selector for a row, with the key escaped for a quoted attribute value. */
export function rowSelector(key: string): string {
  return `[data-key="${key.replace(/["\\]/g, '\\$&')}"]`;
}

/**
 * The scroll offset that brings row `index` (rows of `rowH` pixels) into a viewport of
 * `height` pixels now scrolled to `top`, moving it as little as possible ("nearest"): `top`
 * itself when the row is already in full view.
 */
export function nearestTop(index: number, top: number, height: number, rowH: number): number {
  const rowTop = index * rowH;
  if (rowTop < top || rowH > height) return rowTop;
  if (rowTop + rowH > top + height) return Math.max(0, rowTop + rowH - height);
  return top;
}
