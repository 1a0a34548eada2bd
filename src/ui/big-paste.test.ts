import { describe, expect, it } from 'vitest';
import { pasteLabel, preparePaste } from './big-paste';

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
