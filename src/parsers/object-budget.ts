/**
 * How many objects one request may read, across every `parseInputs` call it makes. The
 * worker sets one (`MAX_REQUEST_OBJECTS`) so that an import big enough to run the worker out
 * of memory stops early with a message instead; the CLI sets none.
 */
export class ObjectBudget {
  private used = 0;
  constructor(readonly max: number) {}

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
  ) {
    super(
      `the inputs hold more than ${max.toLocaleString('en-US')} objects (passed while reading ${input}); one import may read at most that many`,
    );
    this.name = 'TooManyObjectsError';
  }
}
