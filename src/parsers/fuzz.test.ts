/** Property tests: random and mutated inputs never throw and always give objects or diagnostics. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJson } from './formats/json-reader';
import { ObjectBudget, parseInputs, type ParseResult } from './index';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__/corpus');
const corpus = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));

function objectsOrDiagnostics(r: ParseResult): boolean {
  const t = r.topology;
  const n =
    Object.keys(t.networks).length +
    Object.keys(t.endpoints).length +
    Object.keys(t.loadBalancers).length +
    Object.keys(t.ports).length;
  return n > 0 || r.diagnostics.length > 0;
}

/** A corpus dump with random edits: deletions, insertions of structural characters, splices. */
const mutated = fc
  .tuple(
    fc.constantFrom(...corpus),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 40 }),
        fc.constantFrom(
          '',
          '{',
          '}',
          '[',
          ']',
          '"',
          ':',
          '\n',
          ' : ',
          '@{',
          ';',
          ',',
          '\\',
          '\u0000',
          'System.Object[]',
          '...}',
        ),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([text, edits]) => {
    let s = text;
    for (const [at, del, ins] of edits) {
      const p = Math.floor(at * s.length);
      s = s.slice(0, p) + ins + s.slice(p + del);
    }
    return s;
  });

describe('parser robustness', () => {
  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(objectsOrDiagnostics(parseInputs([{ name: 'fuzz', text }]))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes (any encoding guess)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(objectsOrDiagnostics(parseInputs([{ name: 'fuzz', bytes }]))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated corpus dumps', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        expect(objectsOrDiagnostics(parseInputs([{ name: 'fuzz', text }]))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on JSON-like noise and deep nesting', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat({ max: 5000 }), (json, depth) => {
        expect(
          objectsOrDiagnostics(
            parseInputs([
              { name: 'a', text: json },
              { name: 'b', text: '['.repeat(depth) },
            ]),
          ),
        ).toBe(true);
        const r = readJson(json);
        expect(r.error).toBeNull();
        expect(r.value).toEqual(JSON.parse(json));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a dump the same pretty-printed, minified, and minified after a prompt line', () => {
    const NET = 'aaaaaaaa-0000-4000-8000-000000000001';
    const endpoint = fc.record({
      ID: fc.uuid(),
      // Hostile names: quotes, backslashes, escape sequences, prototype-shaped words.
      Name: fc.oneof(
        fc.string({ maxLength: 24 }),
        fc.constantFrom('__proto__', 'constructor', '\u001b]0;x\u0007', 'a"b\\c', '}{]['),
      ),
      IPAddress: fc.ipV4(),
      PrefixLength: fc.constant(16),
      VirtualNetwork: fc.constant(NET),
    });
    const network = {
      ID: NET,
      Name: 'cbr0',
      Type: 'L2Bridge',
      Subnets: [{ AddressPrefix: '10.244.0.0/16', GatewayAddress: '10.244.0.1' }],
    };
    /** The model without provenance (its lines differ between layouts, nothing else may). */
    const model = (text: string): { tables: string; counted: number } => {
      const budget = new ObjectBudget(1_000_000);
      const t = parseInputs([{ name: 'dump', text }], { objectBudget: budget }).topology;
      const tables = JSON.stringify([t.networks, t.endpoints], (k, v: unknown) =>
        k === 'provenance' ? undefined : v,
      );
      return { tables, counted: budget.readCount };
    };
    fc.assert(
      fc.property(fc.uniqueArray(endpoint, { selector: (e) => e.ID, maxLength: 25 }), (eps) => {
        const objects = [network, ...eps];
        const pretty = model(JSON.stringify(objects, null, 2));
        const minified = model(JSON.stringify(objects));
        const prompted = model(
          `PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Compress\n${JSON.stringify(objects)}\n`,
        );
        expect(minified.tables).toBe(pretty.tables);
        expect(prompted.tables).toBe(pretty.tables);
        // Every reader counted each object once as it read it.
        expect([pretty.counted, minified.counted, prompted.counted]).toEqual(
          Array(3).fill(objects.length),
        );
      }),
      { numRuns: 100 },
    );
  });
});
