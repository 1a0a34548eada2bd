import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleConditions } from '../../model/types';
import { Hits } from './hits';
import type { OwnTokens } from './tokens';

const tok = (values: string[]): OwnTokens => ({
  roles: values.map((_, i) => `r${i}`),
  values,
  ips: [],
  portIds: [],
  endpointIds: [],
});

/** What `Hits.scan` computed before it read pieces by char code: a regex split, each piece cut out. */
function scanBySplit(byToken: Map<string, number[]>, text: string): number[] {
  const out: number[] = [];
  const look = (piece: string) => {
    for (const s of byToken.get(piece) ?? []) if (!out.includes(s)) out.push(s);
  };
  look(text);
  for (const piece of text.split(/[\s_"{}[\],()/=|;]+/)) {
    if (!piece) continue;
    look(piece);
    const colon = piece.indexOf(':');
    if (colon > 0 && piece.length !== 17) look(piece.slice(0, colon));
    if (piece.endsWith('.')) look(piece.slice(0, -1));
  }
  return out;
}

// Tokens of every shape the pieces can take: with a colon, a trailing dot, a MAC (17 long), a
// space, a number; texts of them, splitting characters (Unicode whitespace too) and others.
const TOKENS = [
  ['p1', '10.0.0.1', '00:15:5d:00:01:01', 'a b', '6'],
  ['p2', '10.0.0.1.', ':8080', 'x:y', 'p1'],
  ['ab', '00:15:5d:00:01:0', '_', 'NaN'],
];
const PARTS = [
  ...TOKENS.flat(),
  ...'_"{}[],()/=|;:. \t\n',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u180e',
  'x',
  '80',
  '😀',
];
const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 12 }).map((p) => p.join(''));

describe('Hits', () => {
  it('scan finds what a regex split finds, in the same order', () => {
    const hits = new Hits(TOKENS.map(tok));
    const byToken = new Map<string, number[]>();
    TOKENS.forEach((vs, s) =>
      vs.forEach((v) => {
        const l = byToken.get(v) ?? [];
        if (!l.includes(s)) l.push(s);
        byToken.set(v, l);
      }),
    );
    fc.assert(
      fc.property(text, (x) => {
        expect([...hits.scan(x)]).toEqual(scanBySplit(byToken, x));
      }),
      { numRuns: 3000 },
    );
    expect(hits.scan('NAT_p1_10.0.0.1:80')).toEqual([0, 1]);
    expect(hits.scan('10.0.0.1.')).toEqual([1, 0]);
  });

  it('scan given a text it found nothing in reads only what differs, and finds the same', () => {
    const hits = new Hits(TOKENS.map(tok));
    fc.assert(
      fc.property(text, text, text, text, (a, b, c, d) => {
        // Texts that share starts and ends, as objects of one shape do.
        const like = a + b + d;
        if (hits.scan(like).length > 0) return;
        const x = a + c + d;
        expect([...hits.scan(x, like)]).toEqual([...hits.scan(x)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads protocols and ports as the text of the conditions would', () => {
    const hits = new Hits([tok(['6']), tok([':8080']), tok(['p'])]);
    const c = (protocols: number[], port: number): RuleConditions => ({
      srcPrefixes: null,
      dstPrefixes: null,
      srcPorts: null,
      dstPorts: [{ from: port, to: port }],
      protocols,
    });
    expect(hits.ofConditions(c([6], 80))).toEqual([0]);
    expect(hits.ofConditions(c([17], 8080))).toEqual([1]);
    expect(hits.ofConditions(c([17], 80))).toEqual([]);
    expect(hits.ofConditions(c([6], 8080))).toEqual([0, 1]);
  });
});
