import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../app-state';

/** Page chrome: theme and panels. Themes beyond `light` arrive with the workshop issue. */
export interface UiSlice {
  readonly theme: 'light';
  readonly objectListOpen: boolean;
  toggleObjectList(): void;
}

export const createUiSlice: StateCreator<AppState, [['zustand/immer', never]], [], UiSlice> = (
  set,
) => ({
  theme: 'light',
  objectListOpen: true,
  toggleObjectList: () =>
    set((s) => {
      s.objectListOpen = !s.objectListOpen;
    }),
});
