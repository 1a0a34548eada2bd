/**
 * Append `items` to `into` one by one. `into.push(...items)` passes every element as a call
 * argument and overflows the stack somewhere above ~100k elements; lists read from dumps have
 * no such bound (the lint forbids the spread form into calls everywhere in src/ and app/).
 */
export function pushAll<T>(into: T[], items: Iterable<T>): void {
  for (const it of items) into.push(it);
}

/** `Math.max(from, ...values)` without passing `values` on the stack. */
export function maxOf(values: Iterable<number>, from = -Infinity): number {
  let m = from;
  for (const v of values) m = Math.max(m, v);
  return m;
}

/** `Math.min(from, ...values)` without passing `values` on the stack. */
export function minOf(values: Iterable<number>, from = Infinity): number {
  let m = from;
  for (const v of values) m = Math.min(m, v);
  return m;
}
