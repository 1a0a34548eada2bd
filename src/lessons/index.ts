/** Guided lessons (the story of the 2017 change, told through packets) and builder presets. */
import { NEW_INTERNET, NEW_SERVICE, OVERLAY, POLICY } from './story-new';
import { OLD_INTERNET, OLD_SERVICE } from './story-old';
import { SERVICE_2017 } from './story-2017';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [
  OLD_SERVICE,
  OLD_INTERNET,
  SERVICE_2017,
  NEW_SERVICE,
  NEW_INTERNET,
  OVERLAY,
  POLICY,
];

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

export { hopMatches, resolveBeats } from './resolve';
export { DEFAULT_PRESET_ID, PRESETS, presetById, type Preset } from './presets';
export type { Checkpoint, HopMatch, Lesson, LessonBeat } from './types';
