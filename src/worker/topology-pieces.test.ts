import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { TopologyAssembler, topologyPieces } from './topology-pieces';

describe('a topology sent in pieces', () => {
  for (const chars of [64, 100_000])
    it(`comes back equal (pieces of ${chars} characters)`, () => {
      const t = buildScenario('new-l2bridge');
      const { head, pieces } = topologyPieces(t, chars);
      // The head carries no table entries: they all travel in the pieces.
      expect(Object.keys(head.endpoints)).toHaveLength(0);
      const asm = new TopologyAssembler();
      let n = 0;
      for (const piece of pieces) {
        // What crosses is plain data (a string of JSON per piece).
        asm.add(structuredClone(piece));
        n++;
      }
      expect(n).toBeGreaterThan(chars === 64 ? 20 : 0);
      expect(asm.finish(structuredClone(head))).toEqual(t);
    });
});
