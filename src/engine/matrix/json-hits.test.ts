import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hits } from './hits';
import { jsonHits, type JsonMemo } from './json-hits';
import type { OwnTokens } from './tokens';

const tok = (values: string[]): OwnTokens => ({
  roles: values.map((_, i) => `r${i}`),
  values,
  ips: [],
  portIds: [],
  endpointIds: [],
});

// Tokens shaped like the pieces a JSON text makes: a key's colon joined to a number or `null`,
// a bare number, `true`, a colon alone, a text with a quote or a slash.
const TOKENS = [
  ['lb1', ':80', '10.96.0.1', 'true', ':'],
  ['6', ':null', 'a"b', 'x/y', 'id'],
  ['ep0', ':-1', '1e+21', 'p:q'],
];
const hits = new Hits(TOKENS.map(tok));
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

const text = fc.oneof(
  fc.constantFrom(...TOKENS.flat(), '', 'a_b', 'x y', '10.0.0.0/8', 'lb1.', 'é\u2028', '\ud800'),
  fc.string({ maxLength: 6 }),
);
const leaf = fc.oneof(
  text,
  fc.constantFrom(
    6,
    80,
    -1,
    0,
    -0,
    1e21,
    1e20 + 4096,
    NaN,
    Infinity,
    0.5,
    true,
    false,
    null,
    undefined,
  ),
  fc.integer(),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 3 }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
}));

describe('jsonHits', () => {
  it('finds what Hits.scan finds in the JSON text, or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(json.object, (o) => {
        const r = jsonHits(hits, o);
        if (!r) return;
        read++;
        const t = JSON.stringify(o);
        expect(sorted(r.hits)).toEqual(sorted(hits.scan(t)));
        // The strings holding a slash hold every wide prefix the text writes, in its order.
        const wide = (s: string) => [...s.matchAll(/\d+\.\d+\.\d+\.\d+\/\d+/g)].map((m) => m[0]);
        expect(r.slashed.flatMap(wide)).toEqual(wide(t));
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(1000);
  });

  it('reads as without a memo when objects share nested objects (hits and slashes in order)', () => {
    fc.assert(
      fc.property(
        fc.array(json.object, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(2), text, fc.nat(2)), { minLength: 2, maxLength: 6 }),
        (shared, uses) => {
          const memo: JsonMemo = new Map();
          // Objects holding the shared ones (a provenance many load balancers hold).
          for (const [i, key, depth] of uses) {
            const inner = shared[i % shared.length]!;
            const o: object = depth === 0 ? { [key]: inner } : { a: 'lb1', b: { [key]: inner } };
            expect(jsonHits(hits, o, memo)).toEqual(jsonHits(hits, o));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('declines texts JSON escapes and values it writes by other rules', () => {
    expect(jsonHits(hits, { a: 'x"y' })).toBeNull();
    expect(jsonHits(hits, { a: new Date(0) })).toBeNull();
    expect(jsonHits(hits, { a: new Map() })).toBeNull();
    expect(jsonHits(hits, { a: 'lb1' })?.hits).toEqual([0]);
    expect(jsonHits(hits, { a: 80 })?.hits).toEqual([0]);
  });
});
