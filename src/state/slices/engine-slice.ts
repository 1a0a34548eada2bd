import type { EngineSlice, SliceCreator } from '../app-state';

export const createEngineSlice: SliceCreator<EngineSlice> = (set) => ({
  engineNotice: null,
  engineRestarted: (message) =>
    set((s) => {
      s.engineNotice = message;
    }),
});
