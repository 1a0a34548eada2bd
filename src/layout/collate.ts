/**
 * One shared collator for "natural" order (`10.0.0.9` before `10.0.0.10`). Calling
 * `localeCompare(b, 'en', { numeric: true })` builds a collator per call, which costs seconds
 * when a dump sorts thousands of load balancers.
 */
export const compareNatural: (a: string, b: string) => number = new Intl.Collator('en', {
  numeric: true,
}).compare;
