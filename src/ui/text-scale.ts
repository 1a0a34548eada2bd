import type { Theme } from '../view-model/theme';

/**
 * Text size of the drawing per theme, relative to the default (see `layoutTopology`'s
 * `textScale`): the projector's drawing is laid out with bigger text, not just restyled, so
 * its labels still fit their boxes.
 */
export const THEME_TEXT_SCALE: Readonly<Record<Theme, number>> = {
  light: 1,
  dark: 1,
  projector: 1.75,
};
