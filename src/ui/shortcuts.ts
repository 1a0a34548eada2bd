/**
 * Every keyboard shortcut of the viewer, in one table: the key handlers match keys through it
 * and the `?` sheet is drawn from it, so the sheet cannot list a key that does nothing.
 */
type Scope = 'Anywhere' | 'Trace playback' | 'Drawing (focused)';

/** Per scope, one row per shortcut: its id, the `KeyboardEvent.key` values, what it does. */
const TABLE = {
  Anywhere: [
    ['help', ['?'], 'Show these shortcuts'],
    ['search', ['/'], 'Search objects'],
  ],
  'Trace playback': [
    ['play', [' '], 'Play / pause'],
    ['next', ['ArrowRight', 'ArrowDown'], 'Next step'],
    ['prev', ['ArrowLeft', 'ArrowUp'], 'Previous step'],
    ['first', ['Home'], 'First step'],
    ['last', ['End'], 'Last step'],
  ],
  'Drawing (focused)': [
    ['zoom-in', ['+', '='], 'Zoom in'],
    ['zoom-out', ['-'], 'Zoom out'],
    ['fit', ['0'], 'Fit the drawing'],
    ['deselect', ['Escape'], 'Clear the selection'],
  ],
} as const satisfies Record<Scope, readonly (readonly [string, readonly string[], string])[]>;

export type ShortcutId = (typeof TABLE)[Scope][number][0];

export interface Shortcut {
  readonly id: ShortcutId;
  /** `KeyboardEvent.key` values that trigger it. */
  readonly keys: readonly string[];
  /** How the sheet writes the keys. */
  readonly label: string;
  readonly what: string;
  /** Where it works. */
  readonly scope: Scope;
}

/** How the sheet writes a key; null for a key it does not list (`=` is `+` without Shift). */
const KEY_LABELS: Readonly<Record<string, string | null>> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowUp: '↑',
  Escape: 'Esc',
  '-': '−',
  '=': null,
};
const keyLabel = (k: string): string | null => (k in KEY_LABELS ? (KEY_LABELS[k] ?? null) : k);

export const SHORTCUTS: readonly Shortcut[] = Object.entries(TABLE).flatMap(([scope, rows]) =>
  rows.map(([id, keys, what]) => ({
    id,
    keys,
    label: keys
      .map(keyLabel)
      .filter((l) => l !== null)
      .join(' or '),
    what,
    scope: scope as Scope,
  })),
);

const BY_KEY = new Map<string, ShortcutId>(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.id])));

/** The shortcut a key press stands for (modifier chords are left to the browser). */
export function shortcutOf(e: {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}): ShortcutId | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return BY_KEY.get(e.key) ?? null;
}

/** The `aria-keyshortcuts` value of a shortcut. */
export function ariaKeys(id: ShortcutId): string {
  const s = SHORTCUTS.find((x) => x.id === id);
  return (s?.keys ?? []).map((k) => (k === ' ' ? 'Space' : k)).join(' ');
}

/** True when a key press is meant for a text field, not for a page shortcut. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? ''));
}
