/**
 * Exhaustiveness guard for `switch` statements over discriminated unions.
 * Compile error if a case is missing; throws if reached at runtime with unexpected data.
 *
 * @example
 * switch (msg.type) { case 'a': ...; default: return assertNever(msg); }
 */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
