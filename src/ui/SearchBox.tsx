import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { search, type SearchHit, type SearchResult } from '../layout/search';
import type { Topology } from '../model/types';
import { EngineError } from '../worker/engine-client';
import { useAppStore, useStoreApi } from './StoreContext';
import { ariaKeys, shortcutOf, typingIn } from './shortcuts';

const KIND: Record<string, string> = {
  ip: 'IP',
  cidr: 'CIDR',
  mac: 'MAC',
  'vip-port': 'VIP:port',
  guid: 'GUID',
  name: 'name',
};

/** Where a model is searched off the page: the worker holding it, or null (search here). */
export type SearchIn = (t: Topology) => ((query: string) => Promise<SearchResult>) | null;

/** What the list shows: the answer for one model and query, or why there is none. */
interface Answer {
  readonly topology: Topology;
  readonly q: string;
  readonly value: SearchResult | { readonly error: string };
}

/**
 * One box (`/` focuses it) that finds objects by IP, CIDR, MAC in any spelling, GUID prefix,
 * name or VIP:port; picking a result selects it in the tree and the drawing. An imported dump
 * (up to a whole cluster) is searched in the worker that parsed it (`searchIn`), so typing
 * never waits on a scan of every object; the newest query's answer is the one listed. A model
 * no worker holds (a design) is small and searched here.
 */
export function SearchBox({ searchIn }: { searchIn?: SearchIn }) {
  const store = useStoreApi();
  const topology = useAppStore((s) => s.topology);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const pick = (h: SearchHit): void => {
    store.getState().highlightObjects([h.id]);
    store.getState().revealObjects();
    setOpen(false);
  };
  // Enter pressed before the query's own answer came: pick its first hit when it comes.
  const pickOnAnswer = useRef(false);
  const inWorker = topology ? (searchIn?.(topology) ?? null) : null;
  const local = useMemo(
    () => (topology && !inWorker && q.trim() !== '' ? search(topology, q) : null),
    [topology, inWorker, q],
  );
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!topology || !inWorker || q.trim() === '') return undefined;
    let live = true;
    inWorker(q).then(
      (value) => {
        if (!live) return;
        setAnswer({ topology, q, value });
        const first = value.hits[0];
        if (pickOnAnswer.current && first) pick(first);
        pickOnAnswer.current = false;
      },
      (e: unknown) => {
        // A query a newer one replaced: its answer is not wanted.
        if (!live || (e instanceof EngineError && e.code === 'E_CANCELLED')) return;
        setAnswer({ topology, q, value: { error: e instanceof Error ? e.message : String(e) } });
      },
    );
    return () => {
      live = false;
    };
    // `pick` only reads the store (stable).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [topology, q, inWorker]);
  // The newest answer for this model: while the query's own is on its way, the one before it
  // stays listed (marked busy) rather than the list flickering empty at every key.
  const shown: Answer | null =
    q.trim() === '' || !topology
      ? null
      : local
        ? { topology, q, value: local }
        : answer && answer.topology === topology
          ? answer
          : null;
  const busy = shown !== null && shown.q !== q;
  const failed = shown && 'error' in shown.value ? shown.value.error : null;
  const result = shown && !('error' in shown.value) ? shown.value : null;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (shortcutOf(e) !== 'search' || typingIn(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const hits = result?.hits ?? [];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) =>
        hits.length === 0 ? 0 : (a + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length,
      );
    } else if (e.key === 'Enter') {
      // Typed faster than the answer came: pick from the query's own answer when it comes.
      if (busy || (shown === null && q.trim() !== '')) pickOnAnswer.current = true;
      else if (hits[active]) pick(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
      input.current?.blur();
    }
  };
  const listId = 'hv-search-results';
  /**
   * The results stop at the window's bottom (60vh from a search box low on a short window ran
   * past it, and the page scrolled under the drawing); the list scrolls instead.
   */
  const fitBelow = (el: HTMLUListElement | null): void => {
    if (!el) return;
    const room = window.innerHeight - el.getBoundingClientRect().top - 8;
    el.style.maxHeight = `${Math.round(Math.max(120, Math.min(room, window.innerHeight * 0.6)))}px`;
  };
  return (
    <div className="hv-search" role="search">
      <input
        ref={input}
        type="search"
        className="hv-search-input"
        aria-label="Search objects"
        aria-keyshortcuts={ariaKeys('search')}
        aria-controls={listId}
        aria-expanded={open && shown !== null}
        aria-activedescendant={open && hits[active] ? `hv-hit-${active}` : undefined}
        role="combobox"
        placeholder="Search IP, CIDR, MAC, GUID, name, VIP:port  ( / )"
        value={q}
        data-testid="search"
        onChange={(e) => {
          pickOnAnswer.current = false;
          setQ(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && shown && (
        <ul
          ref={fitBelow}
          id={listId}
          className="hv-search-results"
          role="listbox"
          aria-label="Search results"
          aria-busy={busy}
          data-testid="search-results"
        >
          {failed !== null && (
            <li className="hv-search-none" role="alert">
              The search failed: {failed}
            </li>
          )}
          {result && hits.length === 0 && (
            <li className="hv-search-none">No object matches this {KIND[result.query]}.</li>
          )}
          {hits.map((h, k) => (
            <li
              key={h.id}
              id={`hv-hit-${k}`}
              role="option"
              aria-selected={k === active}
              data-id={h.id}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus until the pick is made
                pick(h);
              }}
              onMouseEnter={() => setActive(k)}
            >
              <span className="hv-hit-name">{h.name}</span>
              <span className="hv-hit-why">
                {h.kind} · {h.why}
                {h.nodeId && topology?.nodes[h.nodeId] && topology.nodeIds.length > 1
                  ? ` · ${topology.nodes[h.nodeId]!.name}`
                  : ''}
              </span>
            </li>
          ))}
          {result?.truncated && (
            <li className="hv-search-none">First {hits.length} shown; narrow the search.</li>
          )}
        </ul>
      )}
    </div>
  );
}
