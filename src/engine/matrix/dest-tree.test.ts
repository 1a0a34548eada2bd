import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashStep } from '../packet';
import { lowSlots } from './dest-tree';

describe('lowSlots', () => {
  it("gives every hash state's slot on a list of 2^k from its low k bits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 10 }),
        (h, list, k) => {
          const L = 1 << k;
          const args = Float64Array.from(list);
          const low = new Int32Array(L);
          lowSlots(args, L, low);
          let full = h;
          for (const a of list) full = hashStep(full, a);
          expect(low[h & (L - 1)]).toBe(full % L);
        },
      ),
    );
  });
});
