/**
 * The object budget of one request: the parse stops at the first object past it (it does not
 * read the rest first), whatever the input's shape; a node's inputs read again together are
 * not counted twice; without a budget (the CLI) nothing is capped.
 */
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../cluster/index';
import { ObjectBudget, parseInputs, TooManyObjectsError } from './index';

const NET = 'aaaaaaaa-0000-4000-8000-000000000001';

/** A network and `n` endpoints on it, as JSON objects. */
function objects(n: number, first = 0): unknown[] {
  const eps = Array.from({ length: n }, (_, k) => {
    const i = first + k;
    return {
      ID: `bbbbbbbb-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      Name: `ep-${i}`,
      VirtualNetwork: NET,
      IPAddress: `10.244.${i >> 8}.${(i & 255) + 1}`,
      PrefixLength: 16,
      MacAddress: `00-15-5D-00-${(i >> 8).toString(16).padStart(2, '0')}-${(i & 255).toString(16).padStart(2, '0')}`,
    };
  });
  const net = {
    ID: NET,
    Name: 'cbr0',
    Type: 'L2Bridge',
    Subnets: [{ AddressPrefix: '10.244.0.0/16', GatewayAddress: '10.244.0.1' }],
  };
  return [net, ...eps];
}

const shapes: Record<string, (n: number) => string> = {
  'a pretty JSON array (the fast path)': (n) => JSON.stringify(objects(n), null, 2),
  'a minified array after a prompt line (the scanner)': (n) =>
    `PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Compress\n${JSON.stringify(objects(n))}\n`,
  'a list view': (n) =>
    (objects(n).slice(1) as Record<string, string>[])
      .map((o) =>
        Object.entries(o)
          .map(([k, v]) => `${k} : ${v}`)
          .join('\n'),
      )
      .join('\n\n'),
};

describe('object budget of one request', () => {
  // Millions of tiny values would be read whole before a single object reached the model
  // builder; the readers count them as they read and stop at the first past the budget. The
  // work is counted, not timed: 1,001 elements of 200,000 looked at.
  const N = 200_000;
  const tiny: Record<string, () => string> = {
    '[{},{},…] (one JSON.parse of the whole text)': () => `[${'{},'.repeat(N - 1)}{}]`,
    '[1,1,…]': () => `[${'1,'.repeat(N - 1)}1]`,
    '[[1,1,…]] (a list in a list)': () => `[[${'1,'.repeat(N - 1)}1]]`,
    '{"Output":[{},…]} (an envelope)': () => `{"Success":true,"Output":[${'{},'.repeat(N - 1)}{}]}`,
    'a pretty array of {} (one per line)': () => `[\n${'  {},\n'.repeat(N - 1)}  {}\n]\n`,
    'a pretty array of small objects (the fast path)': () =>
      `[\n${'  {\n    "a": 1\n  },\n'.repeat(N - 1)}  {\n    "a": 1\n  }\n]\n`,
    '[{},{},…] after a prompt line (the tolerant reader)': () =>
      `PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Compress\n[${'{},'.repeat(N - 1)}{}]\n`,
    '{} back to back (hnsdiag -df)': () =>
      `PS C:\\> hnsdiag list endpoints -df\n${'{}\n'.repeat(N)}`,
  };
  for (const [shape, text] of Object.entries(tiny))
    it(`stops ${shape} at the first element past the budget, with its line`, () => {
      const budget = new ObjectBudget(1000);
      let thrown: unknown = null;
      try {
        parseInputs([{ name: 'tiny.json', text: text() }], { objectBudget: budget });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TooManyObjectsError);
      expect((thrown as TooManyObjectsError).line).toBeGreaterThan(0);
      expect((thrown as Error).message).toMatch(/passed while reading tiny\.json, line [\d,]+\)/);
      expect(budget.readCount).toBe(1001);
      expect(budget.count).toBe(0);
    });

  for (const [shape, text] of Object.entries(shapes))
    it(`stops ${shape} at the first object past the budget`, () => {
      const budget = new ObjectBudget(5);
      let thrown: unknown = null;
      try {
        parseInputs([{ name: 'big.txt', text: text(40) }], { objectBudget: budget });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TooManyObjectsError);
      expect((thrown as Error).message).toMatch(
        /^the inputs hold more than 5 objects \(passed while reading big\.txt, line \d+\); one import may read at most that many$/,
      );
      // Counted as read, before any was built: nothing of the 40 reached the model builder.
      expect(budget.count).toBe(0);
      expect(budget.readCount).toBeGreaterThan(5);
    });

  it('reads an input at the budget, and anything without one', () => {
    const text = JSON.stringify(objects(9));
    const budget = new ObjectBudget(10);
    const r = parseInputs([{ name: 'n.json', text }], { objectBudget: budget });
    expect(Object.keys(r.topology.endpoints)).toHaveLength(9);
    expect(budget.count).toBe(10);
    expect(
      Object.keys(
        parseInputs([{ name: 'n.json', text: JSON.stringify(objects(400)) }]).topology.endpoints,
      ),
    ).toHaveLength(400);
  });

  it('counts every input of a request once, a node read again together included', () => {
    const inputs = [
      { name: 'a.json', text: JSON.stringify(objects(4, 0)) },
      { name: 'b.json', text: JSON.stringify(objects(4, 4)) },
    ];
    const budget = new ObjectBudget(10);
    const r = parseCluster(inputs, { objectBudget: budget });
    expect(r.nodes).toHaveLength(1); // one node: its inputs were read again together
    expect(Object.keys(r.topology.endpoints)).toHaveLength(8);
    expect(budget.count).toBe(10);
    expect(() => parseCluster(inputs, { objectBudget: new ObjectBudget(9) })).toThrow(
      TooManyObjectsError,
    );
  });
});
