/**
 * The reader's theme: the operating system's `prefers-color-scheme` (followed live) and, in
 * the standalone app, the choice made in the theme menu, remembered in localStorage ("System"
 * forgets a fixed choice and follows the operating system again).
 */
import type { AppStore } from '../state/create-app-store';
import { isThemeChoice, type ThemeChoice } from '../view-model/theme';

/** localStorage key of the remembered choice (`light`, `dark`, `projector` or `system`). */
export const THEME_STORAGE_KEY = 'hnsviz.theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Keep the store's `systemTheme` in step with the OS; returns the function that stops. */
export function trackSystemTheme(store: AppStore, win: Window = window): () => void {
  const query = win.matchMedia?.(DARK_QUERY);
  if (!query) return () => undefined;
  const update = (): void => store.getState().setSystemTheme(query.matches ? 'dark' : 'light');
  update();
  query.addEventListener('change', update);
  return () => query.removeEventListener('change', update);
}

/** The remembered choice, or `system` when none (or storage is unavailable or garbled). */
export function readThemeChoice(storage: Storage | null): ThemeChoice {
  try {
    const v = storage?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(v) ? v : 'system';
  } catch {
    return 'system'; // storage blocked (privacy settings): follow the system
  }
}

/**
 * Remember every preference the reader sets from now on (null, a theme the page imposed, is
 * not a choice and is not written). Returns the function that stops.
 */
export function rememberThemeChoice(store: AppStore, storage: Storage | null): () => void {
  return store.subscribe((s, prev) => {
    if (s.themePreference === prev.themePreference || s.themePreference === null) return;
    try {
      if (s.themePreference === 'system') storage?.removeItem(THEME_STORAGE_KEY);
      else storage?.setItem(THEME_STORAGE_KEY, s.themePreference);
    } catch {
      // Storage full or blocked: the choice still holds for this page.
    }
  });
}

/** localStorage, or null where reading it throws (sandboxed frames, blocked storage). */
export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
