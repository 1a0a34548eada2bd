/** A header character's width until the font is measured (13 px DejaVu Sans digits). */
export const CHAR_W = 8.3;

/** The characters matrix labels are mostly made of: digits, `.:/`, lower case. */
const SAMPLE = '0123456789.:/abcdefghijklmnopqrstuvwxyz';
const widths = new Map<string, number>();

/**
 * The mean width of `SAMPLE`'s characters in `font` (a computed CSS `font`), measured once per
 * font on a canvas, for `fitLabel` (the widest, `m`, cut most labels twice too soon; a label
 * of wider letters still overflows into the header's own CSS ellipsis); `CHAR_W` where there
 * is no canvas (tests).
 */
export function charWidth(font: string): number {
  let w = widths.get(font);
  if (w === undefined) {
    const ctx = font ? document.createElement('canvas').getContext('2d') : null;
    if (!ctx) return CHAR_W;
    ctx.font = font;
    w = ctx.measureText(SAMPLE).width / SAMPLE.length;
    if (!(w > 0)) w = CHAR_W;
    widths.set(font, w);
  }
  return w;
}
