/**
 * Line numbers for offsets visited in increasing order, in one pass over the text: the next
 * line break is remembered, so a text with no break left (minified JSON on one line) is not
 * searched again for every offset asked.
 */
export class LineCounter {
  private offset = 0;
  private line = 1;
  /** The next `\n` at or after `offset`, or Infinity when there is none. */
  private next: number;
  /** Characters searched so far: at most the text's length (plus one per line) per pass. */
  work = 0;

  constructor(private readonly text: string) {
    this.next = this.find(0);
  }

  private find(from: number): number {
    const k = this.text.indexOf('\n', from);
    this.work += (k < 0 ? this.text.length : k + 1) - from;
    return k < 0 ? Infinity : k;
  }

  /** 1-based line of `pos`; going back restarts the count from the top. */
  lineAt(pos: number): number {
    if (pos < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.next = this.find(0);
    }
    while (this.next < pos) {
      this.line++;
      this.offset = this.next + 1;
      this.next = this.find(this.offset);
    }
    return this.line;
  }
}

/** Index of the line holding `offset`, given each line's start offset (binary search). */
export function lineIndexOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
