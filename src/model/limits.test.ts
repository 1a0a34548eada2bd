import { describe, expect, it } from 'vitest';
import { CUT_MARKER, fitModelLimits, MAX_MODEL_STRING, MAX_RAW_DEPTH } from './limits';
import type { Topology } from './types';

const fitAny = (v: unknown) => fitModelLimits(v as Topology);

describe('fitModelLimits', () => {
  it('gives back the very same objects when nothing needs fitting', () => {
    const inner = { a: 'x', list: [1, 'y', { z: null }] };
    const t = { inner, other: { b: true } };
    const r = fitAny(t);
    expect(r.topology).toBe(t);
    expect(r.report).toEqual({ strings: 0, cuts: 0 });
  });

  it('copies only the path to a long value, keeping key order and the untouched siblings', () => {
    const long = 'v'.repeat(MAX_MODEL_STRING + 5);
    const sibling = { keep: 1 };
    const t = Object.create(null) as Record<string, unknown>;
    t['first'] = sibling;
    t['mid'] = { before: 1, s: long, after: 2 };
    t['last'] = 'z';
    const r = fitAny(t);
    const out = r.topology as unknown as Record<string, Record<string, unknown>>;
    expect(out).not.toBe(t);
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.keys(out)).toEqual(['first', 'mid', 'last']);
    expect(out['first']).toBe(sibling);
    expect(Object.keys(out['mid']!)).toEqual(['before', 's', 'after']);
    expect((out['mid']!['s'] as string).length).toBeLessThanOrEqual(MAX_MODEL_STRING);
    expect(out['last']).toBe('z');
    expect(r.report).toEqual({ strings: 1, cuts: 0 });
    // The input is left as it was.
    expect((t['mid'] as Record<string, unknown>)['s']).toBe(long);
  });

  it('shortens a long key and cuts raw policy JSON below the depth limit', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_RAW_DEPTH + 2; i++) deep = [deep];
    const t = { ['k'.repeat(MAX_MODEL_STRING + 1)]: 1, p: { raw: deep } };
    const r = fitAny(t);
    expect(r.report).toEqual({ strings: 1, cuts: 1 });
    expect(JSON.stringify(r.topology)).toContain(CUT_MARKER);
    expect(Object.keys(r.topology).every((k) => k.length <= MAX_MODEL_STRING)).toBe(true);
  });
});
