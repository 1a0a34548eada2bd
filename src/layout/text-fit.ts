/**
 * Text measurement without a DOM: a conservative width estimate per character, so the layout
 * can shorten labels deterministically (the full text stays in the accessible name).
 */
import type { TextLine, TextRole } from './geometry';

/** Average advance of a character as a fraction of the font size. */
const ADVANCE: Readonly<Record<TextRole, number>> = {
  title: 0.6,
  label: 0.58,
  detail: 0.56,
  mono: 0.62,
  badge: 0.62,
  overview: 0.58,
  far: 0.6,
};

/** Estimated width of `text` at `size` world units. */
export function textWidth(text: string, size: number, role: TextRole): number {
  return text.length * size * ADVANCE[role];
}

/** `text` shortened with an ellipsis so that it fits `maxWidth`. */
export function fitText(text: string, size: number, role: TextRole, maxWidth: number): string {
  if (textWidth(text, size, role) <= maxWidth) return text;
  const chars = Math.max(1, Math.floor(maxWidth / (size * ADVANCE[role])) - 1);
  return `${text.slice(0, chars)}…`;
}

/** A left-aligned line fitted into `width` (minus `dx` and a right margin). */
export function line(
  text: string,
  dx: number,
  dy: number,
  size: number,
  role: TextRole,
  width: number,
): TextLine {
  return { text: fitText(text, size, role, width - dx - 8), dx, dy, size, role, anchor: 'start' };
}

/** A centred line fitted into `width`. */
export function centred(
  text: string,
  width: number,
  dy: number,
  size: number,
  role: TextRole,
): TextLine {
  return {
    text: fitText(text, size, role, width - 12),
    dx: width / 2,
    dy,
    size,
    role,
    anchor: 'middle',
  };
}

/**
 * The largest font size, at most `max` and at least `min`, at which `text` fits a box `width`
 * wide when drawn at `dx` (the same margins as `line`). Below `min`, `line` ellipsizes it.
 */
export function fitSize(
  text: string,
  max: number,
  min: number,
  role: TextRole,
  width: number,
  dx: number,
): number {
  const room = width - dx - 8;
  // A margin over the average advance: short strings of wide letters (`kube-proxy`) run wider.
  const advance = ADVANCE[role] * 1.12;
  const fits = Math.floor((room / Math.max(text.length, 1) / advance) * 10) / 10;
  return Math.max(min, Math.min(max, fits));
}
