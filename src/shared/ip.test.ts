import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from './ip';

/** The pattern `parseIpv4` reads, applied as written (the reference for its hand-read path). */
function byPattern(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    n = n * 256 + octet;
  }
  return n >>> 0;
}

describe('parseIpv4', () => {
  it('reads dotted addresses and declines the rest as the pattern does', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom('', '0', '00', '000', '0000', '255', '256', '999', '1a', ' 1', '١'),
    );
    const text = fc.oneof(
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('.')),
      fc
        .tuple(
          fc.constantFrom('', ' ', '\t', '\n', '\u00a0'),
          fc.array(piece, { minLength: 4, maxLength: 4 }),
          fc.constantFrom('', ' ', '\n', 'x', '.'),
        )
        .map(([a, xs, b]) => `${a}${xs.join('.')}${b}`),
      fc.string({ maxLength: 16 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIpv4(t)).toBe(byPattern(t));
      }),
      { numRuns: 5000 },
    );
    expect(parseIpv4('10.96.0.10')).toBe(0x0a60000a);
    expect(parseIpv4(' 255.255.255.255 ')).toBe(0xffffffff);
    expect(parseIpv4('1.2.3.256')).toBeNull();
    expect(parseIpv4('1..2.3')).toBeNull();
    expect(parseIpv4('01.002.3.4')).toBe(0x01020304);
  });
});
