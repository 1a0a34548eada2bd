import type { StateCreator } from 'zustand/vanilla';
import {
  resolveTheme,
  type SystemTheme,
  type Theme,
  type ThemeChoice,
} from '../../view-model/theme';
import type { AppState } from '../app-state';

/** `auto` follows `prefers-reduced-motion`; `off` always steps instantly. */
export type Motion = 'auto' | 'on' | 'off';
/** What the viewer is doing: exploring the topology, comparing two designs, a lesson, or the reachability matrix. */
export type ViewerMode = 'explore' | 'compare' | 'lesson' | 'matrix';

/** Page chrome: theme, motion preference, mode and panels. */
export interface UiSlice {
  /** The theme on screen. */
  readonly theme: Theme;
  /**
   * The viewer's own theme preference (the app's theme menu, remembered by the app shell), or
   * null when the page decides (embeds, `?theme=`, library hosts): with a preference, a link or
   * a reopened file does not change the theme, since the theme belongs to the reader.
   */
  readonly themePreference: ThemeChoice | null;
  /** What the operating system asks for; null when nobody tracks it (no "follow system"). */
  readonly systemTheme: SystemTheme | null;
  readonly motion: Motion;
  readonly mode: ViewerMode;
  readonly objectListOpen: boolean;
  /** Bumped when something (the search box) asks the side panel to show the object list. */
  readonly revealSeq: number;
  toggleObjectList(): void;
  /** Show the object list (the side panel switches to its Objects tab). */
  revealObjects(): void;
  /** Show `theme` as the page asks (link, attribute, `?theme=`): drops the preference. */
  setTheme(theme: Theme): void;
  /** The reader picked a theme (or "follow system"): it is shown and becomes the preference. */
  setThemePreference(choice: ThemeChoice | null): void;
  /** The operating system's preference changed: followed when the preference is `system`. */
  setSystemTheme(system: SystemTheme): void;
  setMotion(motion: Motion): void;
  setMode(mode: ViewerMode): void;
}

export const createUiSlice: StateCreator<AppState, [['zustand/immer', never]], [], UiSlice> = (
  set,
) => ({
  theme: 'light',
  themePreference: null,
  systemTheme: null,
  motion: 'auto',
  mode: 'explore',
  objectListOpen: true,
  revealSeq: 0,
  revealObjects: () =>
    set((s) => {
      s.revealSeq += 1;
      s.objectListOpen = true;
    }),
  toggleObjectList: () =>
    set((s) => {
      s.objectListOpen = !s.objectListOpen;
    }),
  setTheme: (theme) =>
    set((s) => {
      s.theme = theme;
      s.themePreference = null;
    }),
  setThemePreference: (choice) =>
    set((s) => {
      s.themePreference = choice;
      if (choice !== null) s.theme = resolveTheme(choice, s.systemTheme ?? 'light');
    }),
  setSystemTheme: (system) =>
    set((s) => {
      s.systemTheme = system;
      if (s.themePreference === 'system') s.theme = system;
    }),
  setMotion: (motion) =>
    set((s) => {
      s.motion = motion;
    }),
  setMode: (mode) =>
    set((s) => {
      s.mode = mode;
    }),
});
