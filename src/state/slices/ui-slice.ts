import { resolveTheme } from '../../view-model/theme';
import type { SliceCreator, UiSlice } from '../app-state';

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
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
