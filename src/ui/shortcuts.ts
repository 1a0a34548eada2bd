/**
 * Every keyboard shortcut of the viewer, in one list: the key handlers match keys through it
 * and the `?` sheet is drawn from it, so the sheet cannot list a key that does nothing.
 */
export interface Shortcut {
  readonly id: ShortcutId;
  /** `KeyboardEvent.key` values that trigger it. */
  readonly keys: readonly string[];
  /** How the sheet writes the keys. */
  readonly label: string;
  readonly what: string;
  /** Where it works. */
  readonly scope: 'Anywhere' | 'Trace playback' | 'Drawing (focused)';
}

export type ShortcutId =
  | 'help'
  | 'search'
  | 'play'
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'zoom-in'
  | 'zoom-out'
  | 'fit'
  | 'deselect';

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', keys: ['?'], label: '?', what: 'Show these shortcuts', scope: 'Anywhere' },
  { id: 'search', keys: ['/'], label: '/', what: 'Search objects', scope: 'Anywhere' },
  { id: 'play', keys: [' '], label: 'Space', what: 'Play / pause', scope: 'Trace playback' },
  {
    id: 'next',
    keys: ['ArrowRight', 'ArrowDown'],
    label: '→ or ↓',
    what: 'Next step',
    scope: 'Trace playback',
  },
  {
    id: 'prev',
    keys: ['ArrowLeft', 'ArrowUp'],
    label: '← or ↑',
    what: 'Previous step',
    scope: 'Trace playback',
  },
  { id: 'first', keys: ['Home'], label: 'Home', what: 'First step', scope: 'Trace playback' },
  { id: 'last', keys: ['End'], label: 'End', what: 'Last step', scope: 'Trace playback' },
  {
    id: 'zoom-in',
    keys: ['+', '='],
    label: '+',
    what: 'Zoom in',
    scope: 'Drawing (focused)',
  },
  { id: 'zoom-out', keys: ['-'], label: '−', what: 'Zoom out', scope: 'Drawing (focused)' },
  { id: 'fit', keys: ['0'], label: '0', what: 'Fit the drawing', scope: 'Drawing (focused)' },
  {
    id: 'deselect',
    keys: ['Escape'],
    label: 'Esc',
    what: 'Clear the selection',
    scope: 'Drawing (focused)',
  },
];

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
