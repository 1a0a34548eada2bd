import { describe, expect, it } from 'vitest';
import { ariaKeys, SHORTCUTS, shortcutOf } from './shortcuts';

describe('the shortcut table', () => {
  it('gives every shortcut its keys, a label the sheet shows, and one id per key', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    const label = (id: string) => SHORTCUTS.find((s) => s.id === id)?.label;
    expect(label('next')).toBe('→ or ↓');
    expect(label('play')).toBe('Space');
    expect(label('zoom-in')).toBe('+');
    expect(label('zoom-out')).toBe('−');
    expect(label('deselect')).toBe('Esc');
  });

  it('maps key presses to shortcuts and leaves modifier chords to the browser', () => {
    expect(shortcutOf({ key: '=' })).toBe('zoom-in');
    expect(shortcutOf({ key: 'ArrowUp' })).toBe('prev');
    expect(shortcutOf({ key: '/', ctrlKey: true })).toBeNull();
    expect(shortcutOf({ key: 'x' })).toBeNull();
    expect(ariaKeys('play')).toBe('Space');
  });
});
