import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticTopology } from '../../../bench/synthetic';
import { compileTopology, compiledPort } from '../compile';
import type { RuleBody } from '../compile-vfp';
import { side, type Side } from './dest-alike';
import { formText, matchesRule, matchesText, ruleForm } from './dest-forms';
import { mapPieces, rawPiece, ruleText } from './dest-rules';
import type { OwnTokens } from './tokens';

// Pieces that are tokens on one side or the other, separators, and literal placeholders.
const WORDS = ['a', 'b', 'ab', 'v1', 'v2', 'o1', 'o2', '⟨vip0⟩', '⟨r⟩', '⟨r', '7'];
const SEPS = ['_', ' ', '"', ':', ',', '/', '\u2028'];
const own = (values: string[]): OwnTokens => ({
  roles: values.map((_, i) => (i === 0 ? 'r' : `q${i}`)),
  values,
  ips: [],
  portIds: [],
  endpointIds: [],
});
const sideArb = fc
  .record({
    toks: fc.shuffledSubarray(['v1', 'v2', 'a', '7'], { maxLength: 2 }),
    own: fc.option(fc.shuffledSubarray(['o1', 'o2', 'ab'], { minLength: 1 }), { nil: null }),
  })
  .map(({ toks, own: o }) => side(toks, o ? own(o) : null));
const template = fc.array(fc.constantFrom(...WORDS, ...SEPS, 'T0', 'T1', 'R'), { maxLength: 12 });
const fill = (xs: readonly string[], s: Side) =>
  xs
    .map((x) =>
      x === 'T0' || x === 'T1'
        ? (s.toks[Number(x[1])] ?? x)
        : x === 'R'
          ? (s.own?.values[0] ?? x)
          : x,
    )
    .join('');

/** `mapPieces` as `dest-key.ts` writes a text on side `s`. */
const written = (x: string, s: Side) =>
  mapPieces(x, (p) => {
    const i = s.toks.indexOf(p);
    if (i >= 0) return `\u27e8vip${i}\u27e9`;
    const j = s.own ? s.own.values.indexOf(p) : -1;
    return j >= 0 ? `\u27e8${s.own!.roles[j]}\u27e9` : rawPiece(p);
  });

describe('a written VIP’s texts kept mapped', () => {
  it('formText writes as dest-key does, and matchesText is true exactly when both write alike', () => {
    let alike = 0;
    fc.assert(
      fc.property(template, sideArb, template, sideArb, fc.boolean(), (x, A, y, B, one) => {
        const a = fill(x, A);
        const b = fill(one ? x : y, B);
        expect(formText(b, B)).toBe(written(b, B));
        const same = written(a, A) === written(b, B);
        alike += same && a !== b ? 1 : 0;
        expect(matchesText(a, A, formText(b, B))).toBe(same);
      }),
      { numRuns: 4000 },
    );
    expect(alike).toBeGreaterThan(0);
    expect(matchesText(null, side([], null), null)).toBe(true);
    expect(matchesText('null', side([], null), null)).toBe(false);
  });

  it('matchesRule true exactly when ruleText writes both rules alike', () => {
    const t = syntheticTopology(6, 12);
    const c = compileTopology(t);
    const rules: { r: RuleBody; own: OwnTokens }[] = [];
    for (const [i, id] of Object.keys(t.ports).entries()) {
      const o = own([`10.244.1.${i}`, id]);
      for (const cl of compiledPort(c, id)?.layers ?? [])
        for (const g of [...cl.outGroups, ...cl.inGroups])
          for (const r of g.rules) rules.push({ r, own: o });
    }
    const vips = Object.values(t.loadBalancers).map((lb) => [lb.frontendVips[0]!, lb.id]);
    let alike = 0;
    fc.assert(
      fc.property(
        fc.nat(rules.length - 1),
        fc.nat(rules.length - 1),
        fc.nat(vips.length - 1),
        fc.nat(vips.length - 1),
        (i, j, v, w) => {
          const A = side(vips[v]!, rules[i]!.own);
          const B = side(vips[w]!, rules[j]!.own);
          const same = matchesRule(rules[i]!.r, A, ruleForm(rules[j]!.r, B));
          const ta = ruleText(rules[i]!.r, (p) => written(p, A));
          const tb = ruleText(rules[j]!.r, (p) => written(p, B));
          expect(same).toBe(ta === tb);
          if (same && i !== j) alike++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(alike).toBeGreaterThan(0);
  });
});
