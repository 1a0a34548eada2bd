import type { ShareSlice, SliceCreator } from '../app-state';

export const createShareSlice: SliceCreator<ShareSlice> = (set) => ({
  linkNotice: null,
  setLinkNotice: (text) =>
    set((s) => {
      s.linkNotice = text;
    }),
});
