import { describe, expect, it } from 'vitest';
import { pasteLabel, preparePaste, shortCount } from './big-paste';

describe('big paste summary', () => {
  it('counts bytes (UTF-8) and lines, previews the first lines', async () => {
    const text = Array.from({ length: 41_200 }, (_, k) => `line ${k} é`).join('\n');
    const p = await preparePaste(text, { chunk: 65_536, yieldTask: () => Promise.resolve() });
    expect(p.lines).toBe(41_200);
    expect(p.bytes).toBe(new TextEncoder().encode(text).length);
    expect(p.preview.split('\n')).toEqual(Array.from({ length: 12 }, (_, k) => `line ${k} é`));
  });

  it('never splits a surrogate pair between slices', async () => {
    const text = 'ab\u{1F600}cd\u{1F600}\n'.repeat(50);
    const p = await preparePaste(text, { chunk: 3, yieldTask: () => Promise.resolve() });
    expect(new Uint8Array(await p.blob.arrayBuffer())).toEqual(new TextEncoder().encode(text));
    expect(p.lines).toBe(50);
  });

  it('labels size and lines as a person reads them', () => {
    expect(pasteLabel({ bytes: 20_000_000, lines: 412_000 })).toBe('pasted 20.0 MB, 412k lines');
    expect(pasteLabel({ bytes: 1_500_000, lines: 9_999 })).toBe('pasted 1.5 MB, 9,999 lines');
  });
});

describe('shortCount', () => {
  it('groups thousands as English does, then counts in thousands', () => {
    for (const n of [0, 7, 999, 1000, 9999, 10_000, 123_456, 999_499, 1_234_567, 98_765_432])
      expect(shortCount(n)).toBe(
        n < 10_000 ? n.toLocaleString('en') : `${Math.round(n / 1000).toLocaleString('en')}k`,
      );
    expect(shortCount(412_345)).toBe('412k');
    expect(shortCount(1_234_567)).toBe('1,235k');
  });
});
