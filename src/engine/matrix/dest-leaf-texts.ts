/**
 * The texts of `dest-expand.ts`'s leaves written for other columns of their class (the leaf
 * column's tokens as the other's) and for other backend pods (one pod's tokens as the other's),
 * and whether a cell names its class's tokens. A leaf's texts are cut at its tokens once
 * (`cellSwap`), then written for each column or pod by joining the pieces: the host's row
 * writes one leaf for every service column.
 */
import type { DestClasses } from './dest-classes';
import {
  applySwap,
  cellSwap,
  namesToken,
  tokenSet,
  type CellSwap,
  type TokenSet,
} from './dest-texts';
import type { Node } from './dest-tree';
import type { OwnTokens } from './tokens';
import type { MatrixCell } from './types';

export class LeafTexts {
  /** Per class: its members' tokens, made when a cell is first checked for them. */
  private readonly classTokens: (TokenSet | undefined)[] = [];
  /** Per class: its longest token; the longest token of any source. */
  private readonly longest: number[];
  private readonly longestOwn: number;
  /** Per leaf written for other columns (by column tokens) or pods (by the pod's): its cut texts. */
  private readonly byColumn = new Map<Node, CellSwap>();
  private readonly byPod = new Map<Node, CellSwap>();

  constructor(
    private readonly dests: DestClasses,
    tokens: readonly (OwnTokens | null)[],
  ) {
    this.longest = dests.classTokens.map((l) => {
      let max = 0;
      for (const x of l) max = Math.max(max, x.length);
      return max;
    });
    let max = 0;
    for (const tok of tokens) for (const v of tok?.values ?? []) max = Math.max(max, v.length);
    this.longestOwn = max;
  }

  /** `leaf`'s cell for column `d` of its class; null when a text names `d`'s own tokens. */
  forColumn(leaf: Node, d: number): MatrixCell | null {
    const from = this.dests.tokens[leaf.d];
    const to = this.dests.tokens[d];
    if (!from || !to || from.length !== to.length) return null;
    // Every column's tokens are its class's, at most `longest` long.
    const q = this.dests.classOf[d]!;
    return applySwap(cutOf(this.byColumn, leaf, from, this.longest[q]!, true), to);
  }

  /** `leaf`'s cell (of pod `from`'s backend) for pod `to`'s; null when a text names `to`'s. */
  forPod(leaf: Node, from: OwnTokens, to: OwnTokens): MatrixCell | null {
    return applySwap(cutOf(this.byPod, leaf, from.values, this.longestOwn), to.values);
  }

  /** Does a text of `c` name one of class `q`'s tokens (as a whole word)? */
  namesClass(c: MatrixCell, q: number): boolean {
    let set = this.classTokens[q];
    if (!set) this.classTokens[q] = set = tokenSet(this.dests.classTokens[q]!);
    return namesToken(c, set);
  }
}

/**
 * `leaf`'s texts cut at `from` (the same for one leaf in one map), for tokens up to `max` long;
 * `pieces` for a column's tokens (see `cellSwap`).
 */
function cutOf(
  cuts: Map<Node, CellSwap>,
  leaf: Node,
  from: readonly string[],
  max: number,
  pieces = false,
): CellSwap {
  let sw = cuts.get(leaf);
  if (!sw) cuts.set(leaf, (sw = cellSwap(leaf.cell!, from, max, false, pieces)));
  return sw;
}
