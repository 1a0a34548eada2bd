/**
 * Append `items` to `into` one by one. `into.push(...items)` passes every element as a call
 * argument and overflows the stack somewhere above ~100k elements; lists read from dumps have
 * no such bound (the lint forbids the spread form in the folders that handle them).
 */
export function pushAll<T>(into: T[], items: Iterable<T>): void {
  for (const it of items) into.push(it);
}
