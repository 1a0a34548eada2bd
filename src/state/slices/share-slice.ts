import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../app-state';

/** Messages about links and imported files (src/share, src/export). */
export interface ShareSlice {
  /** A problem with the link or file the view came from, shown until dismissed. */
  readonly linkNotice: string | null;
  setLinkNotice(text: string | null): void;
}

export const createShareSlice: StateCreator<
  AppState,
  [['zustand/immer', never]],
  [],
  ShareSlice
> = (set) => ({
  linkNotice: null,
  setLinkNotice: (text) =>
    set((s) => {
      s.linkNotice = text;
    }),
});
