import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { arr, int, obj, rec, str, validate } from './schema';
import { compactViewState, defaultViewState, parseViewState } from './view-state';

const KNOWN = ['old-winnat', 'new-l2bridge', 'new-overlay'];
const base = { format: 'hnsviz.view/1', source: { kind: 'scenario', id: 'old-winnat' } };

describe('schema combinators', () => {
  it('copies plain data and drops unknown keys', () => {
    const s = obj({ a: int(0, 9), b: arr(str(3)) });
    expect(validate(s, { a: 1, b: ['x'], extra: true })).toEqual({
      ok: true,
      value: { a: 1, b: ['x'] },
    });
  });

  it('names the path of the first problem', () => {
    const s = obj({ list: arr(obj({ n: int(0, 9) })) });
    const r = validate(s, { list: [{ n: 1 }, { n: 99 }] });
    expect(r.ok === false && r.error.path).toBe('$.list[1].n');
  });

  it('refuses class instances, and keeps __proto__ a plain key', () => {
    expect(validate(rec(int(0, 9)), new Date()).ok).toBe(false);
    const r = validate(rec(int(0, 9)), JSON.parse('{"__proto__": 1, "a": 2}'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
      expect(Object.keys(r.value)).toEqual(['__proto__', 'a']);
    }
  });

  it('caps sizes', () => {
    expect(validate(str(4), 'hello').ok).toBe(false);
    expect(validate(arr(int(0, 1), 2), [0, 1, 0]).ok).toBe(false);
  });
});

describe('parseViewState', () => {
  it('fills defaults for a minimal state', () => {
    expect(parseViewState(base, KNOWN)).toEqual({
      ok: true,
      state: defaultViewState('old-winnat'),
    });
  });

  it('accepts every field and round-trips the compact form', () => {
    const full = {
      ...defaultViewState('new-overlay'),
      trace: { from: 'a1', to: '10.96.10.10:80', proto: 'tcp' as const, reply: true, seed: 2 },
      step: 4,
      compare: { left: 'old-winnat', right: 'new-overlay' },
      view: { x: 1, y: 2, k: 0.5 },
      theme: 'projector' as const,
      verbosity: 'rules' as const,
      selected: 'pod:a1',
    };
    expect(parseViewState(JSON.parse(JSON.stringify(compactViewState(full))), KNOWN)).toEqual({
      ok: true,
      state: full,
    });
  });

  it('accepts a dump model and checks its invariants', () => {
    const topology = buildScenario('new-l2bridge');
    const ok = parseViewState(
      { ...base, source: { kind: 'dump', topology, scrubbed: true } },
      KNOWN,
    );
    expect(ok.ok).toBe(true);
    const broken = { ...topology, nodeIds: [...topology.nodeIds, 'node:ghost'] };
    const r = parseViewState(
      { ...base, source: { kind: 'dump', topology: broken, scrubbed: true } },
      KNOWN,
    );
    expect(r).toMatchObject({ ok: false, problem: { code: 'E_LINK_MODEL' } });
  });

  it('refuses wrong types, markup in ids and unknown scenarios with a code', () => {
    const cases: [unknown, string][] = [
      [null, 'E_LINK_SCHEMA'],
      [{ ...base, format: 'hnsviz.view/2' }, 'E_LINK_SCHEMA'],
      [{ ...base, step: 1.5 }, 'E_LINK_SCHEMA'],
      [{ ...base, theme: 'neon' }, 'E_LINK_SCHEMA'],
      [{ ...base, view: { x: 0, y: 0, k: 0 } }, 'E_LINK_SCHEMA'],
      [{ ...base, trace: { from: 'a1', to: '<b>' } }, 'E_LINK_SCHEMA'],
      [{ ...base, source: { kind: 'scenario', id: 'NEW' } }, 'E_LINK_SCHEMA'],
      [{ ...base, source: { kind: 'file', id: 'x' } }, 'E_LINK_SCHEMA'],
      [{ ...base, source: { kind: 'scenario', id: 'nope' } }, 'E_LINK_SCENARIO'],
      [{ ...base, compare: { left: 'old-winnat', right: 'nope' } }, 'E_LINK_SCENARIO'],
      [
        {
          ...base,
          source: { kind: 'dump', topology: { format: 'hnsviz.model/1' }, scrubbed: true },
        },
        'E_LINK_SCHEMA',
      ],
    ];
    for (const [value, code] of cases)
      expect(parseViewState(value, KNOWN), JSON.stringify(value)).toMatchObject({
        ok: false,
        problem: { code },
      });
  });

  it('does not blow the stack on deeply nested input', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(parseViewState({ ...base, trace: deep }, KNOWN).ok).toBe(false);
  });
});
