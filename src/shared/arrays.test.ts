import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from './arrays';

describe('array helpers that keep lists off the stack', () => {
  it('take lists far longer than a call may pass', () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    expect(maxOf(big)).toBe(999);
    expect(minOf(big)).toBe(0);
    const into: number[] = [1];
    pushAll(into, big);
    expect(into).toHaveLength(500_001);
  });

  it('mean what Math.max(from, ...values) and Math.min(from, ...values) mean', () => {
    expect(maxOf([], 2)).toBe(2);
    expect(maxOf([1, 3], 2)).toBe(3);
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([])).toBe(Infinity);
    expect(minOf([4, 1, 7])).toBe(1);
    expect(maxOf([1, NaN])).toBeNaN();
  });
});
