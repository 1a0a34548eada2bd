/** A request the engine worker failed (its error envelope), or one the client failed itself. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
