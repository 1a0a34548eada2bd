import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { search, type SearchHit } from '../layout/search';
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

/**
 * One box (`/` focuses it) that finds objects by IP, CIDR, MAC in any spelling, GUID prefix,
 * name or VIP:port; picking a result selects it in the tree and the drawing.
 */
export function SearchBox() {
  const store = useStoreApi();
  const topology = useAppStore((s) => s.topology);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const result = useMemo(
    () => (topology && q.trim() !== '' ? search(topology, q) : null),
    [topology, q],
  );
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
  const pick = (h: SearchHit): void => {
    store.getState().highlightObjects([h.id]);
    store.getState().revealObjects();
    setOpen(false);
  };
  const hits = result?.hits ?? [];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) =>
        hits.length === 0 ? 0 : (a + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length,
      );
    } else if (e.key === 'Enter') {
      const h = hits[active];
      if (h) pick(h);
    } else if (e.key === 'Escape') {
      setOpen(false);
      input.current?.blur();
    }
  };
  const listId = 'hv-search-results';
  return (
    <div className="hv-search" role="search">
      <input
        ref={input}
        type="search"
        className="hv-search-input"
        aria-label="Search objects"
        aria-keyshortcuts={ariaKeys('search')}
        aria-controls={listId}
        aria-expanded={open && result !== null}
        aria-activedescendant={open && hits[active] ? `hv-hit-${active}` : undefined}
        role="combobox"
        placeholder="Search IP, CIDR, MAC, GUID, name, VIP:port  ( / )"
        value={q}
        data-testid="search"
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && result && (
        <ul
          id={listId}
          className="hv-search-results"
          role="listbox"
          aria-label="Search results"
          data-testid="search-results"
        >
          {hits.length === 0 && (
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
          {result.truncated && (
            <li className="hv-search-none">First {hits.length} shown; narrow the search.</li>
          )}
        </ul>
      )}
    </div>
  );
}
