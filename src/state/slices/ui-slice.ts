import type { StateCreator } from 'zustand/vanilla';
import type { Theme } from '../../view-model/theme';
import type { AppState } from '../app-state';

/** `auto` follows `prefers-reduced-motion`; `off` always steps instantly. */
export type Motion = 'auto' | 'on' | 'off';
/** What the viewer is doing: exploring the topology, comparing two designs, a lesson, or the reachability matrix. */
export type ViewerMode = 'explore' | 'compare' | 'lesson' | 'matrix';

/** Page chrome: theme, motion preference, mode and panels. */
export interface UiSlice {
  readonly theme: Theme;
  readonly motion: Motion;
  readonly mode: ViewerMode;
  readonly objectListOpen: boolean;
  /** Bumped when something (the search box) asks the side panel to show the object list. */
  readonly revealSeq: number;
  toggleObjectList(): void;
  /** Show the object list (the side panel switches to its Objects tab). */
  revealObjects(): void;
  setTheme(theme: Theme): void;
  setMotion(motion: Motion): void;
  setMode(mode: ViewerMode): void;
}

export const createUiSlice: StateCreator<AppState, [['zustand/immer', never]], [], UiSlice> = (
  set,
) => ({
  theme: 'light',
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
