/**
 * The big-array path reads its elements in batches (one JSON.parse per batch of at most
 * `BATCH_CHARS` characters); read one by one, as before, every input must give the same objects,
 * lines and diagnostics.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ps51Json, syntheticDump } from '../../../bench/parse-bench';
import { DiagSink } from '../diagnostics';
import { BATCH_CHARS, locateObjects } from './fast-json';
import type { RawObject } from './raw';

function read(text: string, batchChars: number) {
  const sink = new DiagSink('dump.json');
  const objects: RawObject[] = [];
  const crlf = text.includes('\r\n');
  let rendering = locateObjects(text, null, sink, (o) => objects.push(o), crlf, batchChars);
  if (rendering === null && crlf) {
    // What parseInputs does next: newlines normalised, read again.
    objects.length = 0;
    rendering = locateObjects(
      text.replace(/\r\n?/g, '\n'),
      null,
      sink,
      (o) => objects.push(o),
      false,
      batchChars,
    );
  }
  return { rendering, objects, diagnostics: sink.list };
}

const dump = syntheticDump(1, 30, 300);
const elements = JSON.parse(dump) as Record<string, unknown>[];
const at = (needle: string, from: number): number => dump.indexOf(needle, from);

const inputs: Record<string, string> = {
  'PowerShell 5.1, CRLF': dump,
  'PowerShell 5.1, LF': dump.replace(/\r\n/g, '\n'),
  'JSON.stringify, 2 spaces': JSON.stringify(elements, null, 2),
  'a damaged policy list':
    dump.slice(0, at('"VIPs"', 600_000) + 8) + dump.slice(at('"VIPs"', 600_000) + 12),
  'damage inside Resources':
    dump.slice(0, at('"Resources"', 500_000) + 300) + dump.slice(at('"Resources"', 500_000) + 303),
  'an Output wrapper and duplicates': ps51Json(
    [
      ...elements.slice(0, 200),
      { Output: elements[200], Success: true },
      ...elements.slice(200),
      elements[7]!,
    ],
    0,
  ),
  'elements without commas between them': dump.replace(
    /\r\n {4}\},\r\n {4}\{/g,
    '\r\n    }\r\n    {',
  ),
  'Resources as an array': ps51Json(
    elements.map((e) => ({ ...e, Resources: [e['Resources'], 1] })),
    0,
  ),
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fast-json batches', () => {
  for (const [name, text] of Object.entries(inputs)) {
    it(`${name}: batched and one by one read the same`, () => {
      const one = read(text, 0);
      expect(one.rendering).not.toBeNull();
      expect(one.objects.length).toBeGreaterThan(200);
      expect(read(text, BATCH_CHARS)).toEqual(one);
      // Many small batches: a damaged element's batch is read one by one, the others not.
      expect(read(text, 20_000)).toEqual(one);
    });
  }

  for (const name of ['PowerShell 5.1, CRLF', 'elements without commas between them']) {
    it(`${name}: one JSON.parse per batch, not per element`, () => {
      const parse = vi.spyOn(JSON, 'parse');
      const { objects } = read(inputs[name]!, BATCH_CHARS);
      expect(objects).toHaveLength(elements.length);
      // ~330 elements in about 0.45 MB of text left after the allocator trees are cut out.
      expect(parse.mock.calls.length).toBeLessThan(10);
    });
  }

  it('a batch text stays under the large-object size, and near it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const text = syntheticDump(4, 30, 1200);
    const { objects } = read(text, BATCH_CHARS);
    expect(objects).toHaveLength(1231);
    const lengths = parse.mock.calls.map(([s]) => s.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(BATCH_CHARS);
    // Every batch but the last is full to within one element (above V8's pretenuring size).
    for (const n of lengths.slice(0, -1)) expect(n).toBeGreaterThan(BATCH_CHARS - 8_000);
    // Small batches read the same objects.
    const small = read(text, 20_000);
    expect(small.objects).toEqual(objects);
  });
});
