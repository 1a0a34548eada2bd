/**
 * A topology sent to a worker in pieces, the way a parsed dump comes back from one
 * (`dump-pieces.ts`): each piece is some entries of one table as JSON text, made and posted in
 * a task of its own, so a big topology never costs the page one long structured clone. The
 * receiving worker puts the tables back together (`TopologyAssembler`). Data only, no DOM.
 */
import type { Topology } from '../model/types';
import { DumpAssembler, splitDump } from './dump-pieces';
import type { DumpPiece, ParsedDump } from './protocol';

/** `t` as a dump with nothing but the topology (its lists are empty, so no list pieces). */
const asDump = (t: Topology): ParsedDump => ({
  topology: t,
  inputs: [],
  diagnostics: [],
  findings: [],
  vfpGiven: false,
  nodes: [],
  stitches: [],
});

/** `t` with its tables emptied (`head`) and the pieces that fill them, made one at a time. */
export function topologyPieces(
  t: Topology,
  chars?: number,
): { readonly head: Topology; readonly pieces: Iterable<DumpPiece> } {
  const { head, pieces } = splitDump(asDump(t), chars);
  return { head: head.topology, pieces };
}

/** Puts a topology back together from its pieces and its head. */
export class TopologyAssembler {
  private readonly dump = new DumpAssembler();
  add(piece: DumpPiece): void {
    this.dump.add(piece);
  }
  finish(head: Topology): Topology {
    return this.dump.finish(asDump(head)).topology;
  }
}
