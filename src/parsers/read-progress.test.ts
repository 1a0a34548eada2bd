import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countLines, ReadTracker, type ReadProgress } from './formats/read-progress';
import { parseInputs, type ParseInput } from './index';

const corpus = (f: string): string =>
  readFileSync(new URL(`./__fixtures__/corpus/${f}`, import.meta.url), 'utf8');

/** A pretty-printed endpoint array (the fast JSON path), `n` elements, CRLF. */
function jsonArray(n: number): string {
  const items = Array.from({ length: n }, (_, k) =>
    JSON.stringify(
      {
        ID: `0000${k.toString(16).padStart(4, '0')}-1111-2222-3333-444455556666`,
        Name: `ep-${k}`,
        IPAddress: `10.244.${k >> 8}.${k & 255}`,
        MacAddress: '00-15-5D-00-00-01',
        VirtualNetwork: 'aaaaaaaa-1111-2222-3333-444455556666',
        VirtualNetworkName: 'cbr0',
        Policies: [{ Type: 'OutBoundNAT', ExceptionList: ['10.244.0.0/16'] }],
      },
      null,
      4,
    ),
  );
  return `[\r\n${items.join(',\r\n')}\r\n]\r\n`.replace(/(?<!\r)\n/g, '\r\n');
}

/** The same list view endpoint block `n` times (the scanner's path). */
const listView = (n: number): string =>
  Array.from({ length: n }, (_, k) =>
    corpus('30-rke2-calico-endpoint-fl-acl.txt').replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
      (g) => `${g.slice(0, 28)}${k.toString(16).padStart(8, '0')}`,
    ),
  ).join('\n');

function read(input: ParseInput, step: number) {
  const reports: ReadProgress[] = [];
  // Deriving VFP rules is not reading: left out to keep the test quick.
  const withIt = parseInputs([input], {
    onRead: (p) => reports.push(p),
    readStep: step,
    deriveVfp: false,
  });
  const without = parseInputs([input], { deriveVfp: false });
  return { reports, withIt, without };
}

function expectWellFormed(reports: readonly ReadProgress[], total: number, lines: number): void {
  expect(reports.length).toBeGreaterThan(2);
  for (let k = 1; k < reports.length; k++) {
    expect(reports[k]!.done).toBeGreaterThan(reports[k - 1]!.done);
    expect(reports[k]!.lines).toBeGreaterThanOrEqual(reports[k - 1]!.lines);
  }
  for (const r of reports) expect(r.total).toBe(total);
  expect(reports.at(-1)).toEqual({ input: 0, done: total, total, lines });
  // Intermediate reports lie strictly inside the input.
  expect(reports[0]!.done).toBeGreaterThan(0);
  expect(reports.at(-2)!.done).toBeLessThan(total);
}

describe('progress within one input', () => {
  it('a big JSON array as bytes: bytes read strictly increase and end at the byte size', () => {
    const text = jsonArray(3000);
    const bytes = new TextEncoder().encode(text);
    const { reports, withIt, without } = read({ name: 'endpoints.json', bytes }, 64 * 1024);
    expect(withIt.inputs[0]?.format).toContain('json');
    expectWellFormed(reports, bytes.length, countLines(text));
    expect(reports.length).toBeGreaterThanOrEqual(Math.floor(bytes.length / (64 * 1024)) - 1);
    expect(JSON.stringify(withIt)).toBe(JSON.stringify(without));
    expect(Object.keys(withIt.topology.endpoints)).toHaveLength(3000);
  });

  it('a scanned list view as text: characters read increase, lines are the input lines', () => {
    const text = listView(400);
    const { reports, withIt, without } = read({ name: 'paste', text }, 16 * 1024);
    expect(withIt.inputs[0]?.format).toBe('format-list');
    expectWellFormed(reports, text.length, countLines(text));
    // Steps are throttled by amount of input: about one per 16 KiB, never one per line.
    expect(reports.length).toBeLessThan(text.length / (16 * 1024) + 2);
    expect(reports.length).toBeGreaterThan(text.length / (16 * 1024) / 2);
    expect(JSON.stringify(withIt)).toBe(JSON.stringify(without));
  });

  it('several inputs: each reports its own index; a refused or tiny one only its end', () => {
    const reports: ReadProgress[] = [];
    parseInputs(
      [
        { name: 'a', text: 'x'.repeat(100) },
        { name: 'b', text: listView(50) },
      ],
      { onRead: (p) => reports.push(p), readStep: 4096, maxBytes: 50 },
    );
    expect(reports).toEqual([
      { input: 0, done: 100, total: 100, lines: 0 },
      { input: 1, done: listView(50).length, total: listView(50).length, lines: 0 },
    ]);
  });

  it('the tracker never repeats or passes a position, whatever the reader reports', () => {
    const got: number[] = [];
    const t = new ReadTracker(0, 1000, 100, (p) => got.push(p.done));
    t.over(500); // positions in a text half the input's size
    for (const pos of [0, 10, 60, 60, 55, 120, 499, 500, 600]) t.at(pos, 1);
    t.end(3);
    expect(got).toEqual([120, 240, 998, 1000]);
  });

  it('counts lines as a person does', () => {
    expect([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb')]).toEqual([
      0, 1, 1, 2,
    ]);
  });
});
