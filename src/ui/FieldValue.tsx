import type { ObjectIndex } from '../layout/object-index';

const MAX_ITEMS = 40;
const MAX_DEPTH = 6;

interface Props {
  readonly value: unknown;
  readonly index: ObjectIndex;
  readonly onSelect: (id: string) => void;
  readonly depth?: number;
}

/** Human label for a camelCase field name: `backendEndpointIds` → `backend endpoint ids`. */
export function fieldLabel(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Renders any plain model value: strings that name another object become links to it, arrays
 * become lists, objects become nested field lists. All text goes through React (escaped).
 */
export function FieldValue({ value, index, onSelect, depth = 0 }: Props) {
  if (value === null || value === undefined) return <span className="hv-none">—</span>;
  if (typeof value === 'string') {
    const target = index[value];
    if (target) {
      return (
        <button type="button" className="hv-link" onClick={() => onSelect(value)} title={value}>
          {target.name}
        </button>
      );
    }
    return <span className="hv-text">{value === '' ? '""' : value}</span>;
  }
  if (typeof value === 'number' || typeof value === 'boolean')
    return <span className="hv-text">{String(value)}</span>;
  if (depth >= MAX_DEPTH) return <span className="hv-text">…</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="hv-none">none</span>;
    const shown: unknown[] = value.slice(0, MAX_ITEMS);
    return (
      <ul className="hv-list">
        {shown.map((v, i) => (
          <li key={i}>
            <FieldValue value={v} index={index} onSelect={onSelect} depth={depth + 1} />
          </li>
        ))}
        {value.length > MAX_ITEMS && <li className="hv-none">+ {value.length - MAX_ITEMS} more</li>}
      </ul>
    );
  }
  if (typeof value === 'object') {
    return (
      <FieldList
        entity={value as Record<string, unknown>}
        index={index}
        onSelect={onSelect}
        depth={depth + 1}
      />
    );
  }
  return <span className="hv-text">{typeof value}</span>;
}

/** A definition list of an object's fields (leaving out `omit`). */
export function FieldList({
  entity,
  index,
  onSelect,
  depth = 0,
  omit = [],
}: {
  readonly entity: Readonly<Record<string, unknown>>;
  readonly index: ObjectIndex;
  readonly onSelect: (id: string) => void;
  readonly depth?: number;
  readonly omit?: readonly string[];
}) {
  const entries = Object.entries(entity).filter(([k]) => !omit.includes(k));
  const type = typeof entity.type === 'string' ? entity.type : null;
  return (
    <dl className={`hv-fields${type ? ' hv-typed' : ''}`} data-type={type ?? undefined}>
      {entries.map(([k, v]) => (
        <div key={k} className="hv-field">
          <dt>{fieldLabel(k)}</dt>
          <dd>
            <FieldValue value={v} index={index} onSelect={onSelect} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
