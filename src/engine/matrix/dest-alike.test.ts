import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticTopology } from '../../../bench/synthetic';
import { compileTopology, compiledPort } from '../compile';
import type { RuleBody } from '../compile-vfp';
import { FixedTexts, sameJson, samePieces, sameRule, side, type Side } from './dest-alike';
import { mapPieces, PieceFilter, rawPiece, ruleText, somePiece } from './dest-rules';
import type { OwnTokens } from './tokens';

// Pieces that are tokens on one side or the other, separators, and a literal placeholder.
const WORDS = ['a', 'b', 'ab', 'v1', 'v2', 'o1', 'o2', '⟨vip0⟩', '⟨r⟩', '7'];
const SEPS = ['_', ' ', '"', ':', ',', '/', '\u2028'];
const text = fc
  .array(fc.constantFrom(...WORDS, ...SEPS), { maxLength: 12 })
  .map((xs) => xs.join(''));
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

// A text with slots for a side's tokens (`T0`, `T1`, and `R` for its owner's first value).
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

describe('VIP keys compared without writing them', () => {
  it('samePieces is true exactly when the two texts are written alike', () => {
    let alike = 0;
    fc.assert(
      fc.property(template, sideArb, template, sideArb, fc.boolean(), (x, A, y, B, one) => {
        const a = fill(x, A);
        const b = fill(one ? x : y, B);
        const same = written(a, A) === written(b, B);
        alike += same && a !== b ? 1 : 0;
        expect(samePieces(a, A, b, B)).toBe(same);
      }),
      { numRuns: 4000 },
    );
    expect(alike).toBeGreaterThan(0);
  });

  it('sameJson true only when the JSON texts are written alike', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        template,
        fc.constantFrom(7, 1.5, true, null, undefined),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('id', 'a', 'v1', 'x'), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    const fixed = new FixedTexts((p) => ['a', 'v1', 'v2', '7', 'o1', 'o2', 'ab'].includes(p));
    let shown = 0;
    fc.assert(
      fc.property(value, sideArb, value, sideArb, fc.boolean(), (x, A, y, B, one) => {
        // Templates (arrays of words) become texts filled for each side.
        const on = (v: unknown, s: Side): unknown =>
          Array.isArray(v)
            ? v.every((w) => typeof w === 'string')
              ? fill(v, s)
              : v.map((w) => on(w, s))
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, w]) => [k, on(w, s)]))
              : v;
        const a = on(x, A);
        const b = on(one ? x : y, B);
        const same = sameJson(a, A, b, B, fixed);
        const ja = JSON.stringify(a) ?? '';
        const jb = JSON.stringify(b) ?? '';
        if (same) expect(written(ja, A)).toBe(written(jb, B));
        shown += same && ja !== jb ? 1 : 0;
      }),
      { numRuns: 4000 },
    );
    expect(shown).toBeGreaterThan(0);
    // One nested object in both texts (load balancers share a provenance): read once a plan
    // when no side can map it, else piece by piece as any other.
    let apart = 0;
    fc.assert(
      fc.property(value, sideArb, sideArb, (z, A, B) => {
        const a = { id: 'x', p: z };
        const b = { id: 'x', p: z };
        const same = sameJson(a, A, b, B, fixed);
        const same2 = sameJson(a, A, b, B, fixed);
        expect(same2).toBe(same);
        const alike = written(JSON.stringify(a), A) === written(JSON.stringify(b), B);
        if (same) expect(alike).toBe(true);
        apart += !same && !alike ? 1 : 0;
      }),
      { numRuns: 2000 },
    );
    expect(apart).toBeGreaterThan(0);
    // One object per VIP, alike up to its tokens; another flag breaks it.
    const lb = (j: number, dsr = true) => ({ id: `lb${j}`, vips: [`10.96.0.${j}`], dsr, n: 'n' });
    const S = (j: number) => side([`10.96.0.${j}`, `lb${j}`], null);
    expect(sameJson(lb(1), S(1), lb(2), S(2), fixed)).toBe(true);
    expect(sameJson(lb(1), S(1), lb(2, false), S(2), fixed)).toBe(false);
    expect(sameJson(lb(1), S(1), lb(2), S(1), fixed)).toBe(false);
  });

  it('sameRule true only when ruleText writes both rules alike', () => {
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
    let other = 0;
    fc.assert(
      fc.property(
        fc.nat(rules.length - 1),
        fc.nat(rules.length - 1),
        fc.nat(vips.length - 1),
        fc.nat(vips.length - 1),
        (i, j, v, w) => {
          const A = side(vips[v]!, rules[i]!.own);
          const B = side(vips[w]!, rules[j]!.own);
          const same = sameRule(rules[i]!.r, A, rules[j]!.r, B);
          const ta = ruleText(rules[i]!.r, (p) => written(p, A));
          const tb = ruleText(rules[j]!.r, (p) => written(p, B));
          if (same) expect(ta).toBe(tb);
          if (same && i !== j) alike++;
          if (!same && ta === tb) other++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(alike).toBeGreaterThan(0);
    expect(other).toBe(0);
  });

  it('somePiece with a filter visits every piece the filter holds', () => {
    fc.assert(
      fc.property(text, fc.shuffledSubarray(['a', 'ab', 'v1', '7', '']), (x, toks) => {
        const maybe = new PieceFilter();
        toks.forEach((p) => maybe.add(p));
        const all: string[] = [];
        const some: string[] = [];
        somePiece(x, (p) => (all.push(p), false));
        somePiece(x, (p) => (some.push(p), false), maybe);
        expect(some.filter((p) => toks.includes(p))).toEqual(all.filter((p) => toks.includes(p)));
      }),
      { numRuns: 2000 },
    );
  });
});
