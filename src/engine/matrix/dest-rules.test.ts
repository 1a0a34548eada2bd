import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleBody } from '../compile-vfp';
import {
  mapPieces,
  PIECES,
  placeOf,
  rawPiece,
  ruleText,
  sameAsLast,
  somePiece,
  textsInRow,
} from './dest-rules';

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
            return j >= 0 ? `\u27e8${own.roles[j]}\u27e9` : rawPiece(p);
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
    expect(a).toBe('#1|7:L/G/out|3:x|y');
    expect(join('#1', 'L/G/out', ['x', 'y'].join('|'))).toBe(a);
    expect(join('#2', 'L/G/out', 'x|y')).toBe('#2|7:L/G/out|3:x|y');
    expect(join('', '', '')).toBe('|0:|0:');
    // A place's name holding the separator is not another split of the parts.
    expect(join('#1', 'L|x', 'y')).not.toBe(join('#1', 'L', 'x|y'));
    // Nor is a layer's name holding `/` another layer's and group's.
    expect(placeOf('L/X', 'G', 'out')).not.toBe(placeOf('L', 'X/G', 'out'));
  });

  it('ruleText is one text per rule, whatever its names and prefixes hold', () => {
    // Names and prefixes of the separators ruleText writes, and literal placeholders.
    const hostile = fc
      .array(
        fc.constantFrom('a', '1', '|', ',', ':', '*', '\n', '\u0001', '\u27e8vip0\u27e9', '_'),
        {
          maxLength: 5,
        },
      )
      .map((xs) => xs.join(''));
    const prefixes = fc.option(fc.array(hostile, { maxLength: 3 }), { nil: null });
    const rule = fc.record({ name: hostile, src: prefixes, dst: prefixes, block: fc.boolean() });
    const body = (x: {
      name: string;
      src: string[] | null;
      dst: string[] | null;
      block: boolean;
    }) =>
      ({
        name: x.name,
        priority: 100,
        type: x.block ? 'block' : 'allow',
        terminating: true,
        stateful: false,
        conditions: {
          srcPrefixes: x.src,
          dstPrefixes: x.dst,
          srcPorts: null,
          dstPorts: null,
          protocols: null,
        },
        action: { kind: x.block ? 'block' : 'allow' },
      }) as unknown as RuleBody;
    // The placeholder a token is written as, for the token `v`.
    const piece = (p: string) => (p === 'v' ? '\u27e8vip0\u27e9' : rawPiece(p));
    // Two rules the old texts (`|`, `,` and literal placeholders as they are) wrote alike.
    const alike = [
      [
        { name: 'x', src: ['p|q'], dst: ['r'], block: true },
        { name: 'x', src: ['p'], dst: ['q|r'], block: true },
      ],
      [
        { name: 'x', src: ['0.0.0.0/1,128.0.0.0/1'], dst: null, block: true },
        { name: 'x', src: ['0.0.0.0/1', '128.0.0.0/1'], dst: null, block: true },
      ],
      [
        { name: 'x_v', src: null, dst: null, block: true },
        { name: 'x_\u27e8vip0\u27e9', src: null, dst: null, block: true },
      ],
    ];
    for (const [a, b] of alike)
      expect(ruleText(body(a!), piece)).not.toBe(ruleText(body(b!), piece));
    fc.assert(
      fc.property(rule, rule, (a, b) => {
        const same = ruleText(body(a), piece) === ruleText(body(b), piece);
        // `v` is the token, so a name holding it as a piece is the same rule as one holding it.
        const tokenFree = (x: typeof a) =>
          JSON.stringify({ ...x, name: mapPieces(x.name, piece) }, (_, v: unknown) =>
            typeof v === 'string' ? mapPieces(v, piece) : v,
          );
        expect(same).toBe(tokenFree(a) === tokenFree(b));
      }),
      { numRuns: 3000 },
    );
  });
});
