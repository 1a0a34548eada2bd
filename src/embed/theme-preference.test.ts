import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createAppStore } from '../state/create-app-store';
import { applyViewState } from '../share/store-link';
import { referenceCatalog } from '../share/reference-catalog';
import { defaultViewState } from '../share/view-state';
import {
  THEME_STORAGE_KEY,
  readThemeChoice,
  rememberThemeChoice,
  trackSystemTheme,
} from './theme-preference';

/** A Map-backed Storage. */
function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** A window whose `prefers-color-scheme: dark` query can be flipped. */
function fakeWindow(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  return {
    win: { matchMedia: () => query } as unknown as Window,
    flip(to: boolean) {
      dark = to;
      for (const f of listeners) f();
    },
    listeners,
  };
}

const store = () =>
  createAppStore({ scenarioId: 'new-l2bridge', topology: buildScenario('new-l2bridge') });

describe('theme preference', () => {
  it('follows the OS live while the preference is "system", and stops when a theme is picked', () => {
    const s = store();
    const os = fakeWindow(true);
    const stop = trackSystemTheme(s, os.win);
    s.getState().setThemePreference('system');
    expect(s.getState().theme).toBe('dark');
    os.flip(false);
    expect(s.getState().theme).toBe('light');
    s.getState().setThemePreference('projector');
    os.flip(true);
    expect(s.getState().theme).toBe('projector');
    s.getState().setThemePreference('system');
    expect(s.getState().theme).toBe('dark');
    stop();
    expect(os.listeners.size).toBe(0);
  });

  it('remembers a picked theme, forgets it for "system", and ignores themes the page imposes', () => {
    const s = store();
    const storage = memoryStorage();
    rememberThemeChoice(s, storage);
    s.getState().setThemePreference('dark');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(readThemeChoice(storage)).toBe('dark');
    s.getState().setTheme('projector'); // a link or `?theme=`: not a choice
    expect(storage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    s.getState().setThemePreference('system');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(readThemeChoice(storage)).toBe('system');
  });

  it('reads garbage or blocked storage as "system"', () => {
    expect(readThemeChoice(memoryStorage({ [THEME_STORAGE_KEY]: '<neon>' }))).toBe('system');
    expect(readThemeChoice(null)).toBe('system');
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    expect(readThemeChoice(blocked)).toBe('system');
  });

  it("keeps the reader's preference over a link's theme; without one, the link decides", () => {
    const s = store();
    const view = { ...defaultViewState('old-winnat'), theme: 'dark' as const };
    s.getState().setThemePreference('projector');
    applyViewState(s, view, referenceCatalog);
    expect(s.getState().theme).toBe('projector');
    expect(s.getState().scenarioId).toBe('old-winnat');
    const plain = store();
    applyViewState(plain, view, referenceCatalog);
    expect(plain.getState().theme).toBe('dark');
  });
});
