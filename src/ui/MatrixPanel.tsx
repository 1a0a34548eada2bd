import { startTransition, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cellAt, PREVIEW_FIRST_ROWS, type MatrixCell } from '../engine/matrix/index';
import type { Topology } from '../model/types';
import type { TopologySender } from '../worker/matrix-pool';
import {
  colHead,
  headHeight,
  rowHead,
  matrixColumns,
  matrixView,
  NO_FILTER,
  scopeChoices,
  windowOf,
  type MatrixFilter,
} from './matrix-view';
import { useAppStore, useStoreApi } from './StoreContext';
import { useMatrix } from './useMatrix';
import { useScrollBox } from './scroll-box';
import { CellDetail, GridCell, type GridActions } from './MatrixCell';
import './matrix.css';

const ROW_H = 26;
const COL_W = 28;
/** Column heads: 120 px (an address's last octets and port still fit) to 168 px. */
const HEAD_LIMITS = { min: 120, max: 168, rowH: ROW_H };
const ROW_HEAD_W = 230;

/** Rows the window grows by per frame after the first rows (see `grown`). */
const GROW_ROWS = 4;

/** Matrix mode: who can reach whom, every cell a packet and its reply; click one to trace it. */
export function MatrixPanel({
  sendIn,
}: {
  /** The worker holding the shown dump, to send it to the matrix's (`Importer.sendIn`). */
  sendIn?: (t: Topology) => TopologySender | null;
}) {
  const store = useStoreApi();
  const topology = useAppStore((s) => s.topology);
  const { result, cancel, restart } = useMatrix(topology, sendIn);
  const m = result?.matrix ?? null;
  const [filter, setFilter] = useState<MatrixFilter>(NO_FILTER);
  // Streamed updates give a new matrix each time, its rows and columns unchanged.
  const sources = m?.sources;
  const destinations = m?.destinations;
  const { proto, scope } = filter;
  const columns = useMemo(
    () => (destinations ? matrixColumns(destinations, { proto, scope }) : []),
    [destinations, proto, scope],
  );
  const view = useMemo(() => (m ? matrixView(m, filter, columns) : null), [m, filter, columns]);
  const longest = useMemo(
    () => (destinations ?? []).reduce((n, d) => Math.max(n, d.label.length), 0),
    [destinations],
  );
  const scopes = useMemo(
    () => (sources && destinations ? scopeChoices({ sources, destinations }) : []),
    [sources, destinations],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useScrollBox(scrollRef);
  const [focus, setFocus] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const [hover, setHover] = useState<{ r: number; c: number; x: number; y: number } | null>(null);
  const focusPending = useRef(false);

  // What a cell does on events, one object for the panel's life (cells are memoised on it):
  // `open` reads the matrix and view of the latest render.
  const opener = useRef<(r: number, c: number) => void>(() => {});
  const [act] = useState<GridActions>(() => ({
    focus: (r, c) => setFocus((f) => (f.r === r && f.c === c ? f : { r, c })),
    open: (r, c) => opener.current(r, c),
    hover: (r, c, td) => {
      const host = scrollRef.current;
      if (!td || !host) return setHover(null);
      const box = td.getBoundingClientRect();
      const h = host.getBoundingClientRect();
      setHover({ r, c, x: box.right - h.left, y: box.bottom - h.top });
    },
  }));

  // The grid's first commit holds only the first rows (the preview's first corner); the rest of
  // the window follows GROW_ROWS rows a frame, in transitions: the layout and paint of a
  // screenful of cells at once was a long task of its own (28–47 ms of CPU on a loaded machine).
  const [grown, setGrown] = useState(PREVIEW_FIRST_ROWS);
  const drawn = view !== null;

  const nRows = view?.rows.length ?? 0;
  const headH = headHeight(scroll.h, nRows, longest * scroll.charW, HEAD_LIMITS);
  const headChars = Math.floor((headH - 16) / scroll.charW);
  // Row labels are names (letters a tenth wider than the mean), column labels mostly addresses.
  const rowHeadChars = Math.floor((ROW_HEAD_W - 12) / (1.1 * scroll.charW));
  const nCols = view?.cols.length ?? 0;
  const full = windowOf(scroll.top, scroll.h - headH, ROW_H, nRows);
  const rw = full.n > grown ? windowOf(scroll.top, grown * ROW_H, ROW_H, nRows, 0) : full;
  // Rows that come later (a unit's members) join the window the same way, GROW_ROWS a frame.
  const growing = drawn && full.n > grown;
  useEffect(() => {
    if (!growing) return undefined;
    // After the frame that shows the rows so far (rAF, then a task of its own).
    let live = true;
    const id = requestAnimationFrame(() =>
      setTimeout(() => {
        if (live) startTransition(() => setGrown((g) => g + GROW_ROWS));
      }, 0),
    );
    return () => {
      live = false;
      cancelAnimationFrame(id);
    };
  }, [growing, grown]);
  // Two columns either side: a screenful is ~45 columns, each a cell per row.
  const cw = windowOf(scroll.left, scroll.w - ROW_HEAD_W, COL_W, nCols, 2);
  const fr = Math.min(focus.r, Math.max(0, nRows - 1));
  const fc = Math.min(focus.c, Math.max(0, nCols - 1));

  const cellOf = (r: number, c: number): MatrixCell | null => {
    if (!m || !view) return null;
    return cellAt(m, view.rows[r]!, view.cols[c]!);
  };

  const open = (r: number, c: number) => {
    if (!m || !view) return;
    const s = m.sources[view.rows[r]!]!;
    const d = m.destinations[view.cols[c]!]!;
    const st = store.getState();
    st.setTraceRequest({ from: s.from, to: d.to, proto: d.proto, reply: true });
    st.setMode('explore');
    // Play the packet once its trace is in.
    const off = store.subscribe((x) => {
      if (x.traceStatus === 'done') {
        off();
        x.setPlaying(true);
      } else if (x.traceStatus === 'error' || x.mode !== 'explore') off();
    });
  };

  useEffect(() => {
    opener.current = open;
  });

  const moveTo = (r: number, c: number) => {
    const nr = Math.max(0, Math.min(nRows - 1, r));
    const nc = Math.max(0, Math.min(nCols - 1, c));
    setFocus({ r: nr, c: nc });
    focusPending.current = true;
    const el = scrollRef.current;
    if (!el) return;
    const top = nr * ROW_H;
    const left = nc * COL_W;
    const vh = el.clientHeight - headH;
    const vw = el.clientWidth - ROW_HEAD_W;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H > el.scrollTop + vh) el.scrollTop = top + ROW_H - vh;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (left + COL_W > el.scrollLeft + vw) el.scrollLeft = left + COL_W - vw;
  };

  useEffect(() => {
    if (!focusPending.current) return;
    const td = scrollRef.current?.querySelector<HTMLElement>(`td[data-r="${fr}"][data-c="${fc}"]`);
    if (td) {
      focusPending.current = false;
      td.focus({ preventScroll: true });
    }
  });

  const onKey = (e: KeyboardEvent<HTMLTableElement>) => {
    const page = Math.max(1, Math.floor((scroll.h - headH) / ROW_H) - 1);
    const keys: Record<string, () => void> = {
      ArrowUp: () => moveTo(fr - 1, fc),
      ArrowDown: () => moveTo(fr + 1, fc),
      ArrowLeft: () => moveTo(fr, fc - 1),
      ArrowRight: () => moveTo(fr, fc + 1),
      PageUp: () => moveTo(fr - page, fc),
      PageDown: () => moveTo(fr + page, fc),
      Home: () => (e.ctrlKey ? moveTo(0, 0) : moveTo(fr, 0)),
      End: () => (e.ctrlKey ? moveTo(nRows - 1, nCols - 1) : moveTo(fr, nCols - 1)),
      Enter: () => open(fr, fc),
      ' ': () => open(fr, fc),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  const tipCell = hover ? cellOf(hover.r, hover.c) : null;
  const focusedCell = nRows && nCols ? cellOf(fr, fc) : null;
  const status = result?.status ?? 'running';

  return (
    <section className="hv-matrix" aria-label="Reachability matrix" data-status={status}>
      <div className="hv-matrix-bar" role="toolbar" aria-label="Matrix filters">
        <label>
          <input
            type="checkbox"
            checked={filter.onlyDrops}
            onChange={(e) => setFilter({ ...filter, onlyDrops: e.target.checked })}
          />
          Only drops
        </label>
        <label>
          Scope{' '}
          <select
            value={filter.scope}
            onChange={(e) => setFilter({ ...filter, scope: e.target.value })}
          >
            <option value="">everything</option>
            {scopes.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Protocol{' '}
          <select
            value={filter.proto}
            onChange={(e) =>
              setFilter({ ...filter, proto: e.target.value as MatrixFilter['proto'] })
            }
          >
            <option value="">all</option>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="icmp">ICMP</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.sortByDrops}
            onChange={(e) => setFilter({ ...filter, sortByDrops: e.target.checked })}
          />
          Most drops first
        </label>
        <p className="hv-matrix-status" role="status" aria-live="polite">
          {status === 'running' &&
            `Computing… ${m ? `${m.sources.length - (view?.pending ?? 0)} of ${m.sources.length} rows` : 'classes'}`}
          {status === 'done' &&
            m &&
            `${m.sources.length} × ${m.destinations.length} cells · ${m.stats.sourceClasses} source classes · ${m.stats.traces} traces · ${Math.round(result?.ms ?? 0)} ms`}
          {status === 'cancelled' &&
            `Cancelled: ${result?.done ?? 0} of ${result?.total ?? 0} classes`}
          {status === 'error' && `Matrix failed: ${result?.error ?? ''}`}
        </p>
        {status === 'running' ? (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={restart}>
            Recompute
          </button>
        )}
      </div>
      <div
        className="hv-matrix-scroll"
        ref={scrollRef}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScroll(el);
          setHover(null);
        }}
      >
        {m && view && (
          <table
            className="hv-matrix-table"
            role="grid"
            aria-label="Who can reach whom: rows are sources, columns destinations"
            aria-rowcount={nRows + 1}
            aria-colcount={nCols + 1}
            onKeyDown={onKey}
            style={{ width: ROW_HEAD_W + nCols * COL_W }}
            data-rows={nRows}
            data-cols={nCols}
          >
            <colgroup>
              <col style={{ width: ROW_HEAD_W }} />
              {cw.before > 0 && <col style={{ width: cw.before }} />}
              {Array.from({ length: cw.n }, (_, k) => (
                <col key={k} style={{ width: COL_W }} />
              ))}
              {cw.after > 0 && <col style={{ width: cw.after }} />}
            </colgroup>
            <thead>
              <tr aria-rowindex={1} style={{ height: headH }}>
                <th className="hv-matrix-corner" scope="col" aria-colindex={1}>
                  <span>Source ↓ · Destination →</span>
                </th>
                {cw.before > 0 && <th aria-hidden="true" />}
                {Array.from({ length: cw.n }, (_, k) => {
                  const c = cw.first + k;
                  const d = m.destinations[view.cols[c]!]!;
                  return (
                    <th
                      key={d.id}
                      scope="col"
                      aria-colindex={c + 2}
                      title={d.label}
                      aria-label={d.label}
                      data-kind={d.kind}
                    >
                      <span className="hv-matrix-vlabel" style={{ maxHeight: headH - 8 }}>
                        {colHead(d, headChars)}
                      </span>
                    </th>
                  );
                })}
                {cw.after > 0 && <th aria-hidden="true" />}
              </tr>
            </thead>
            <tbody>
              {rw.before > 0 && (
                <tr aria-hidden="true" style={{ height: rw.before }}>
                  <td colSpan={cw.n + 3} />
                </tr>
              )}
              {Array.from({ length: rw.n }, (_, k) => {
                const r = rw.first + k;
                const si = view.rows[r]!;
                const s = m.sources[si]!;
                const row = m.rows[si];
                return (
                  <tr key={s.id} aria-rowindex={r + 2} style={{ height: ROW_H }}>
                    <th
                      scope="row"
                      aria-colindex={1}
                      title={`${s.label} (${s.ip})`}
                      aria-label={s.label}
                    >
                      {rowHead(s, rowHeadChars)}
                    </th>
                    {cw.before > 0 && <td aria-hidden="true" />}
                    {Array.from({ length: cw.n }, (_, q) => {
                      const c = cw.first + q;
                      const dj = view.cols[c]!;
                      return (
                        <GridCell
                          key={c}
                          m={m}
                          cells={m.cells}
                          idx={row ? row[dj]! : -1}
                          si={si}
                          dj={dj}
                          r={r}
                          c={c}
                          focused={r === fr && c === fc}
                          act={act}
                        />
                      );
                    })}
                    {cw.after > 0 && <td aria-hidden="true" />}
                  </tr>
                );
              })}
              {rw.after > 0 && (
                <tr aria-hidden="true" style={{ height: rw.after }}>
                  <td colSpan={cw.n + 3} />
                </tr>
              )}
            </tbody>
          </table>
        )}
        {m && view && nRows === 0 && (
          <p className="hv-matrix-empty">
            {view.pending > 0 ? 'Rows are being computed…' : 'No cell matches these filters.'}
          </p>
        )}
      </div>
      {hover && tipCell && m && view && (
        <div
          className="hv-matrix-tip"
          role="tooltip"
          style={{ left: Math.min(hover.x + 8, scroll.w - 340), top: hover.y + 40 }}
        >
          <CellDetail
            cell={tipCell}
            from={m.sources[view.rows[hover.r]!]!.label}
            to={m.destinations[view.cols[hover.c]!]!.label}
          />
        </div>
      )}
      <div className="hv-matrix-detail" id="hv-matrix-detail">
        {focusedCell && m && view ? (
          <CellDetail
            cell={focusedCell}
            from={m.sources[view.rows[fr]!]!.label}
            to={m.destinations[view.cols[fc]!]!.label}
          />
        ) : (
          <p>Arrow keys move, Enter opens the packet as a trace.</p>
        )}
      </div>
    </section>
  );
}
