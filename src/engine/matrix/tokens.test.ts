import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate, templateRegex, toTemplate, type OwnTokens } from './tokens';

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
});
