import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeOpen,
  fillTemplate,
  normalize,
  templateRegex,
  tokenRegex,
  toTemplate,
  type OwnTokens,
} from './tokens';

const tok = (n: number): OwnTokens => ({
  roles: ['pod.id', 'ep0.ip', 'ep0.port'],
  values: [`p${n}`, `10.244.1.${n}`, `port${n}`],
  ips: [],
  portIds: [],
  endpointIds: [],
});

describe('cell templates', () => {
  it('writes a source as placeholders and fills in another source of the class', () => {
    const a = tok(1);
    const t = toTemplate('n / port1 OUT, from 10.244.1.1 (p1), not p10', a, templateRegex(a));
    expect(t).toBe('n / ⟨ep0.port⟩ OUT, from ⟨ep0.ip⟩ (⟨pod.id⟩), not p10');
    expect(fillTemplate(t, tok(7))).toBe('n / port7 OUT, from 10.244.1.7 (p7), not p10');
  });

  it('gives any text back, even one that looks like a placeholder', () => {
    const a = tok(3);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('⟨', '⟩', 'pod.id', 'p3', ' ', '10.244.1.3', 'x', '⟨⟨'), {
          maxLength: 12,
        }),
        (parts) => {
          const text = parts.join('');
          expect(fillTemplate(toTemplate(text, a, templateRegex(a)), a)).toBe(text);
        },
      ),
    );
  });

  it('normalises texts one way only: a literal placeholder is not the token', () => {
    // Source keys intern dump texts as `escapeOpen` writes them and normalised texts as
    // `normalize` does: equal only when the texts are equal up to the sources' own tokens.
    const a = tok(3);
    const b = tok(4);
    const norm = (x: string, t: OwnTokens) => normalize(x, t, tokenRegex(t));
    expect(norm('blk_10.244.1.3', a)).not.toBe(escapeOpen('blk_⟨ep0.ip⟩'));
    expect(norm('blk_10.244.1.3', a)).toBe(norm('blk_10.244.1.4', b));
    const text = fc
      .array(fc.constantFrom('⟨', '⟩', 'ep0.ip', '⟨ep0.ip⟩', 'p3', 'p4', ' ', '10.244.1.3', 'x'), {
        maxLength: 10,
      })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (x, y) => {
        // What each names of its source, filled back: equal normalised texts, equal texts.
        if (norm(x, a) === norm(y, b)) expect(fillTemplate(norm(x, a), b)).toBe(y);
        if (norm(x, a) === escapeOpen(y)) expect(fillTemplate(norm(x, a), a)).toBe(x);
        expect(fillTemplate(norm(x, a), a)).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });
});
