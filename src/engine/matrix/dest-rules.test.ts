import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleBody } from '../compile-vfp';
import { mapPieces, PIECES, ruleText, sameAsLast, somePiece, textsInRow } from './dest-rules';

// Pieces and separators of every kind `PIECES` knows, Unicode whitespace and a surrogate pair.
const CHARS = [...'ab1.-⟨⟩_"{}[],()/=|;: \t\n\v\f\r', '\u00a0', '\u1680', '\u2000', '\u200a'];
const MORE = ['\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u0085'];
const text = fc
  .array(fc.constantFrom(...CHARS, ...MORE, '😀', 'x'), { maxLength: 24 })
  .map((cs) => cs.join(''));
const SPLIT = /[\s_"{}[\],()/=|;:]+/;

describe('rule texts by pieces', () => {
  it('mapPieces is replace(PIECES, piece) and somePiece visits what split gives', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('a', 'b1', '1.-', 'x'), (x, tok) => {
        const piece = (p: string) => (p === tok || p.startsWith('b') ? `<${p}>` : p);
        expect(mapPieces(x, piece)).toBe(x.replace(PIECES, piece));
        const seen: string[] = [];
        somePiece(x, (p) => {
          seen.push(p);
          return false;
        });
        expect(seen).toEqual(x.split(SPLIT));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a text without changed pieces as it is, and somePiece stops at true', () => {
    const x = 'NAT_lb-1_10.96.0.1_80_6';
    expect(mapPieces(x, (p) => p)).toBe(x);
    expect(mapPieces(x, (p) => (p === '10.96.0.1' ? 'V' : p))).toBe('NAT_lb-1_V_80_6');
    const seen: string[] = [];
    expect(somePiece(x, (p) => (seen.push(p), p === 'lb-1'))).toBe(true);
    expect(seen).toEqual(['NAT', 'lb-1']);
  });

  it('textsInRow writes a rule met again in a row as ruleText does for each owner', () => {
    // Pieces: a VIP's tokens, two owners' tokens, and neither.
    const toks = ['10.96.0.1', 'lb1'];
    const owners = [
      { values: ['10.244.0.1', 'p1'], roles: ['ep0.ip', 'pod.id'] },
      { values: ['10.244.0.2', 'p2'], roles: ['ep0.ip', 'pod.id'] },
    ];
    const sourceValues = new Set(owners.flatMap((o) => o.values));
    const word = fc.constantFrom(...toks, ...sourceValues, 'NAT', '80', '10.0.0.9');
    const rule = fc.record({
      name: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join('_')),
      src: fc.option(word, { nil: null }),
      ip: word,
    });
    const body = (x: { name: string; src: string | null; ip: string }) =>
      ({
        name: x.name,
        friendlyName: null,
        priority: 100,
        type: 'nat',
        terminating: true,
        stateful: false,
        conditions: {
          srcPrefixes: x.src === null ? null : [x.src],
          dstPrefixes: [toks[0]!],
          srcPorts: null,
          dstPorts: null,
          protocols: [6],
        },
        action: { kind: 'nat', side: 'destination', ip: x.ip, port: 8080 },
      }) as unknown as RuleBody;
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(2), fc.nat(1)), { maxLength: 12 }),
        (rules, seq) => {
          const bodies = rules.map(body);
          let own = owners[0]!;
          const piece = (p: string) => {
            const i = toks.indexOf(p);
            if (i >= 0) return `\u27e8vip${i}\u27e9`;
            const j = own.values.indexOf(p);
            return j >= 0 ? `\u27e8${own.roles[j]}\u27e9` : p;
          };
          const textFor = textsInRow(toks, piece, sourceValues);
          for (const [k, o] of seq) {
            const r = bodies[k % bodies.length]!;
            own = owners[o]!;
            expect(textFor(r, own.values)).toBe(ruleText(r, piece));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('sameAsLast joins the parts, handing back the last string when they are equal', () => {
    const join = sameAsLast();
    const a = join('#1', 'L/G/out', 'x|y');
    expect(a).toBe('#1|L/G/out|x|y');
    expect(join('#1', 'L/G/out', ['x', 'y'].join('|'))).toBe(a);
    expect(join('#2', 'L/G/out', 'x|y')).toBe('#2|L/G/out|x|y');
    expect(join('', '', '')).toBe('||');
  });
});
