import { useRef, type KeyboardEvent } from 'react';

interface Props {
  readonly ids: readonly string[];
  readonly current: string | null;
  readonly shortTitle: (id: string) => string;
  readonly title: (id: string) => string;
  readonly onChange: (id: string) => void;
}

/** Segmented control over the designs (ARIA radio group: arrow keys move and select). */
export function DesignSwitcher({ ids, current, shortTitle, title, onChange }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = Math.max(0, ids.indexOf(current ?? ''));
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (i + step + ids.length) % ids.length;
    const id = ids[next];
    if (id === undefined) return;
    onChange(id);
    refs.current[next]?.focus();
  };
  return (
    <div className="hv-switcher" role="radiogroup" aria-label="Design" onKeyDown={onKeyDown}>
      {ids.map((id, i) => {
        const checked = id === current || (current === null && i === 0);
        return (
          <button
            key={id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={id === current}
            tabIndex={checked ? 0 : -1}
            title={title(id)}
            data-scenario={id}
            onClick={() => onChange(id)}
          >
            {shortTitle(id)}
          </button>
        );
      })}
    </div>
  );
}
