import { describe, expect, it } from 'vitest';
import { LineCounter } from './line-counter';

/** Work is counted in characters searched, so these tests do not depend on the machine. */
describe('LineCounter', () => {
  it('numbers lines of offsets asked in order', () => {
    const c = new LineCounter('a\nbb\n\nccc');
    expect([0, 1, 2, 4, 5, 6, 8].map((p) => c.lineAt(p))).toEqual([1, 1, 2, 2, 3, 4, 4]);
    expect(c.lineAt(0)).toBe(1); // going back restarts
  });

  it('searches a text without line breaks once, however many offsets are asked', () => {
    const text = '{"ID":"x"},'.repeat(50_000);
    const c = new LineCounter(text);
    for (let p = 0; p < text.length; p += 11) expect(c.lineAt(p)).toBe(1);
    expect(c.work).toBeLessThanOrEqual(text.length);
  });

  it('does work linear in the text when the last line is long', () => {
    const work = (n: number): number => {
      const text = 'a\n'.repeat(10) + 'x'.repeat(n);
      const c = new LineCounter(text);
      for (let p = 0; p < text.length; p += 7) c.lineAt(p);
      return c.work;
    };
    expect(work(200_000)).toBeLessThanOrEqual(2.05 * work(100_000));
    expect(work(200_000)).toBeLessThanOrEqual(200_000 + 40);
  });
});
