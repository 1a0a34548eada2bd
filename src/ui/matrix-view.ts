/**
 * What the matrix view shows: which rows and columns, in which order, for the filters (only
 * drops, one namespace or node, one protocol) and the "most drops first" sort. Pure; rows not
 * started yet are left out until their first cells arrive (cells still computing count as no
 * drop).
 */
import {
  PENDING_CELL,
  type Matrix,
  type MatrixCell,
  type MatrixProto,
} from '../engine/matrix/index';

export interface MatrixFilter {
  readonly onlyDrops: boolean;
  /** '' (all), `ns:<namespace>` or `node:<node name>`. */
  readonly scope: string;
  readonly proto: '' | MatrixProto;
  readonly sortByDrops: boolean;
}

export const NO_FILTER: MatrixFilter = {
  onlyDrops: false,
  scope: '',
  proto: '',
  sortByDrops: false,
};

export interface MatrixView {
  /** Source indexes, in display order. */
  readonly rows: readonly number[];
  /** Destination indexes, in display order. */
  readonly cols: readonly number[];
  /** Rows of the matrix still being computed. */
  readonly pending: number;
}

/** The namespaces and nodes a filter can pick, as `ns:…` / `node:…` values with labels. */
export function scopeChoices(
  m: Pick<Matrix, 'sources' | 'destinations'>,
): { value: string; label: string }[] {
  const ns = new Set<string>();
  const nodes = new Set<string>();
  for (const s of m.sources) {
    if (s.namespace) ns.add(s.namespace);
    if (s.node) nodes.add(s.node);
  }
  for (const d of m.destinations) if (d.namespace) ns.add(d.namespace);
  return [
    ...[...ns].sort().map((n) => ({ value: `ns:${n}`, label: `namespace ${n}` })),
    ...[...nodes].sort().map((n) => ({ value: `node:${n}`, label: `node ${n}` })),
  ];
}

function inScope(x: { namespace: string | null; node: string | null }, scope: string): boolean {
  if (!scope) return true;
  if (scope.startsWith('ns:')) return x.namespace === scope.slice(3);
  return x.node === scope.slice(5);
}

/**
 * The columns the protocol and scope filters keep, in order: they depend on the columns only,
 * so a view redrawn for every streamed update takes them from the update before.
 */
export function matrixColumns(
  destinations: Matrix['destinations'],
  f: Pick<MatrixFilter, 'proto' | 'scope'>,
): number[] {
  return destinations.flatMap((d, j) =>
    (!f.proto || d.proto === f.proto) &&
    (!f.scope || inScope(d, f.scope) || (d.namespace === null && d.node === null))
      ? [j]
      : [],
  );
}

/** `columns`: `matrixColumns(m.destinations, f)`, when the caller has them. */
export function matrixView(
  m: Matrix,
  f: MatrixFilter,
  columns: readonly number[] = matrixColumns(m.destinations, f),
): MatrixView {
  let rows = m.sources.flatMap((s, i) => (m.rows[i] && inScope(s, f.scope) ? [i] : []));
  let cols = columns;
  const pending = m.pendingRows ?? m.rows.filter((r) => !r || r.includes(PENDING_CELL)).length;
  if (f.onlyDrops || f.sortByDrops) {
    const dropped = m.cells.map((c: MatrixCell) => c.verdict === 'dropped');
    const rowDrops = new Map<number, number>();
    const colDrops = new Map<number, number>();
    for (const i of rows) {
      const row = m.rows[i]!;
      let n = 0;
      for (const j of cols)
        if (dropped[row[j]!]) {
          n++;
          colDrops.set(j, (colDrops.get(j) ?? 0) + 1);
        }
      rowDrops.set(i, n);
    }
    if (f.onlyDrops) {
      rows = rows.filter((i) => (rowDrops.get(i) ?? 0) > 0);
      cols = cols.filter((j) => (colDrops.get(j) ?? 0) > 0);
    }
    if (f.sortByDrops) {
      rows = [...rows].sort((a, b) => (rowDrops.get(b) ?? 0) - (rowDrops.get(a) ?? 0) || a - b);
      cols = [...cols].sort((a, b) => (colDrops.get(b) ?? 0) - (colDrops.get(a) ?? 0) || a - b);
    }
  }
  return { rows, cols, pending };
}

/** The visible window of a virtualised axis: first index, count, and the spacer sizes. */
export function windowOf(
  scroll: number,
  viewport: number,
  size: number,
  count: number,
  overscan = 4,
): { first: number; n: number; before: number; after: number } {
  const first = Math.max(0, Math.floor(scroll / size) - overscan);
  const last = Math.min(count, Math.ceil((scroll + viewport) / size) + overscan);
  const n = Math.max(0, last - first);
  return { first, n, before: first * size, after: Math.max(0, (count - first - n) * size) };
}

/**
 * `label` in at most `chars` characters: whole when it fits, else its start and its end around
 * an ellipsis, the end given three times the room. A header cut at its end ("VIP 10.96.…", or a dump's
 * 64-character endpoint names, alike up to their last characters) hid what tells columns apart:
 * the address's last octets, the port and protocol, a name's suffix.
 */
export function fitLabel(label: string, chars: number): string {
  const n = [...label];
  if (n.length <= chars) return label;
  if (chars < 4) return n.slice(0, Math.max(0, chars - 1)).join('') + '…';
  const head = Math.floor((chars - 1) / 4);
  const tail = chars - 1 - head;
  return `${n.slice(0, head).join('')}…${n.slice(n.length - tail).join('')}`;
}

/** A label that is a container id (16+ hex digits) and does not hold the object's address. */
const opaque = (o: { readonly label: string; readonly ip: string }): boolean =>
  /[0-9a-f]{16,}/i.test(o.label) && o.ip !== '' && !o.label.includes(o.ip);

/**
 * A row's or column's head in at most `chars` characters. A dump names an endpoint by its
 * container id (`3b8e5d2c…8c_vxlan0`, 64 hex digits): such a label is led by the address, kept
 * whole, and the label is cut to what is left; readable labels are only fitted.
 */
export function rowHead(s: { readonly label: string; readonly ip: string }, chars: number): string {
  if (!opaque(s) || s.ip.length + 6 > chars) return fitLabel(s.label, chars);
  return `${s.ip} · ${fitLabel(s.label, chars - s.ip.length - 3)}`;
}

/**
 * A column's head: as `rowHead`, but an opaque label is led by the whole address with its port
 * and protocol (`10.244.1.11:53/udp`, what tells a pod's columns apart), the rest of the label
 * without them.
 */
export function colHead(
  d: {
    readonly label: string;
    readonly ip: string;
    readonly port: number;
    readonly proto: string;
  },
  chars: number,
): string {
  if (!opaque(d)) {
    // A readable label too long for the head: its address onwards, whole, when that fits
    // (`…10.96.0.10:53/udp`, not `VIP …96.0.10:53/udp`).
    const from = d.ip === '' ? -1 : d.label.indexOf(d.ip);
    const tail = from > 0 ? d.label.slice(from) : '';
    if ([...d.label].length > chars && tail !== '' && [...tail].length + 1 <= chars)
      return `…${tail}`;
    return fitLabel(d.label, chars);
  }
  const at = d.proto === 'icmp' ? `${d.ip} ICMP` : `${d.ip}:${d.port}/${d.proto}`;
  const rest = d.label.endsWith(`:${d.port}/${d.proto}`)
    ? d.label.slice(0, d.label.length - `:${d.port}/${d.proto}`.length)
    : d.label;
  if (at.length + 6 > chars) return fitLabel(at, chars);
  return `${at} · ${fitLabel(rest, chars - at.length - 3)}`;
}

/**
 * The column heads' height: what their longest label needs (`labelPx`, and padding), leaving
 * room for up to 8 rows of the view's `viewH`, within `min` and `max`.
 */
export function headHeight(
  viewH: number,
  rows: number,
  labelPx: number,
  o: { readonly min: number; readonly max: number; readonly rowH: number },
): number {
  const fit = Math.min(o.max, Math.ceil(labelPx) + 16);
  return Math.max(o.min, Math.min(fit, viewH - Math.min(rows, 8) * o.rowH));
}
