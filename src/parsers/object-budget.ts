/**
 * How many objects one request may read, across every `parseInputs` call it makes. The
 * worker sets one (`MAX_REQUEST_OBJECTS`) so that an import big enough to run the worker out
 * of memory stops early with a message instead; the CLI sets none.
 */
export class ObjectBudget {
  private used = 0;
  private seen = 0;
  constructor(readonly max: number) {}

  /**
   * Count `n` values a reader read where objects are (see `ReadCount`), before anything is
   * built from them, at `line` of `input`; past the budget, throw `TooManyObjectsError` there.
   * A separate count from `take`: a reader stops early however small its values are.
   */
  read(input: string, n: number, line: number): void {
    this.seen += n;
    if (this.seen > this.max) throw new TooManyObjectsError(this.max, input, line);
  }

  /** Values the readers counted so far (`read`). */
  get readCount(): number {
    return this.seen;
  }

  /** Count `n` objects read from `input`; past the budget, throw `TooManyObjectsError`. */
  take(input: string, n = 1): void {
    this.used += n;
    if (this.used > this.max) throw new TooManyObjectsError(this.max, input);
  }

  /** Objects counted so far. */
  get count(): number {
    return this.used;
  }
}

/** Thrown out of `parseInputs` (the one exception it lets through) when the budget is spent. */
export class TooManyObjectsError extends Error {
  constructor(
    readonly max: number,
    readonly input: string,
    /** Where the reader passed the budget (0: counted after reading, no line). */
    readonly line = 0,
  ) {
    super(
      `the inputs hold more than ${max.toLocaleString('en-US')} objects (passed while reading ${input}${line > 0 ? `, line ${line.toLocaleString('en-US')}` : ''}); one import may read at most that many`,
    );
    this.name = 'TooManyObjectsError';
  }
}

/**
 * What a reader reports while it reads: `n` more values at the level where objects are (the
 * elements of a top-level array, and of an array one level down: an envelope's `Output`, a
 * list in a list), at `line`. It throws to stop the reading.
 */
export type ReadCount = (n: number, line: number) => void;
