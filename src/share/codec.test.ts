import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import {
  decodeLink,
  decodePayload,
  encodeLink,
  encodePayload,
  MAX_LINK_CHARS,
  readFragment,
} from './codec';
import { defaultViewState, type ViewState } from './view-state';

const KNOWN = ['old-winnat', 'new-l2bridge', 'new-overlay'];

const full: ViewState = {
  ...defaultViewState('old-winnat'),
  trace: { from: 'a1', to: '10.96.10.10:80/tcp', proto: 'tcp', reply: true },
  step: 3,
  compare: { left: 'old-winnat', right: 'new-l2bridge' },
  view: { x: 512.5, y: 300, k: 1.25 },
  theme: 'dark',
  verbosity: 'rules',
  selected: 'pod:a1',
};

const b64url = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('link codec', () => {
  it('round-trips a full view state', () => {
    const link = encodeLink(full, { embed: true });
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.fragment).toMatch(/^#view=[A-Za-z0-9_-]+&embed=1$/);
    const back = decodeLink(link.fragment, KNOWN);
    expect(back).toEqual({ kind: 'ok', state: full, embed: true });
  });

  it('round-trips the default state with a short link', () => {
    const link = encodeLink(defaultViewState('new-l2bridge'));
    expect(link.ok && link.fragment.length).toBeLessThan(120);
    if (link.ok)
      expect(decodeLink(link.fragment, KNOWN)).toMatchObject({
        kind: 'ok',
        state: defaultViewState('new-l2bridge'),
      });
  });

  it('round-trips a dump model', () => {
    const state: ViewState = {
      ...defaultViewState('x'),
      source: { kind: 'dump', topology: buildScenario('old-winnat'), scrubbed: false },
    };
    const link = encodeLink(state);
    expect(link.ok).toBe(true);
    if (link.ok)
      expect(decodeLink(link.fragment, KNOWN)).toEqual({ kind: 'ok', state, embed: false });
  });

  it('says a link would be too long instead of producing it', () => {
    const big = buildScenario('new-l2bridge');
    const pods = { ...big.pods };
    // Incompressible labels push the payload over the cap.
    let seed = 7;
    const noise = Array.from({ length: 40_000 }, () =>
      ((seed = (seed * 48271) % 2147483647) % 36).toString(36),
    ).join('');
    pods['pod:a1'] = { ...pods['pod:a1']!, labels: { noise } };
    const r = encodeLink({
      ...full,
      source: { kind: 'dump', topology: { ...big, pods }, scrubbed: true },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.tooLong).toBeGreaterThan(MAX_LINK_CHARS);
  });

  it('refuses an over-long payload unread', () => {
    const r = decodeLink(`#view=${'A'.repeat(MAX_LINK_CHARS + 1)}`, KNOWN);
    expect(r).toMatchObject({ kind: 'error', problem: { code: 'E_LINK_TOO_LONG' } });
  });

  it('stops a decompression bomb', () => {
    const bomb = b64url(deflateSync(new Uint8Array(8 * 1024 * 1024).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodePayload(bomb)).toMatchObject({ ok: false, problem: { code: 'E_LINK_TOO_LARGE' } });
  });

  it('reports damage, bad JSON, schema problems and unknown scenarios', () => {
    expect(decodeLink('#view=@@@', KNOWN)).toMatchObject({ problem: { code: 'E_LINK_CORRUPT' } });
    const notJson = b64url(deflateSync(new TextEncoder().encode('{nope')));
    expect(decodeLink(`#view=${notJson}`, KNOWN)).toMatchObject({
      problem: { code: 'E_LINK_CORRUPT' },
    });
    const enc = (v: unknown): string =>
      b64url(deflateSync(new TextEncoder().encode(JSON.stringify(v))));
    expect(
      decodeLink(
        `#view=${enc({ format: 'hnsviz.view/1', source: { kind: 'scenario', id: '<img src=x>' } })}`,
        KNOWN,
      ),
    ).toMatchObject({ problem: { code: 'E_LINK_SCHEMA' } });
    expect(
      decodeLink(
        `#view=${enc({ format: 'hnsviz.view/1', source: { kind: 'scenario', id: 'nope' } })}`,
        KNOWN,
      ),
    ).toMatchObject({ problem: { code: 'E_LINK_SCENARIO' } });
  });

  it('ignores unknown fragment keys and reads the embed flag', () => {
    expect(readFragment('#foo=1&embed')).toEqual({ payload: null, embed: true });
    expect(decodeLink('', KNOWN)).toEqual({ kind: 'none', embed: false });
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expect(['none', 'error', 'ok']).toContain(decodeLink(`#view=${s}`, KNOWN).kind);
        expect(['none', 'error', 'ok']).toContain(decodeLink(s, KNOWN).kind);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const r = decodeLink(`#view=${b64url(bytes)}`, KNOWN);
        expect(r.kind).toBe('error');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeLink(
          `#view=${b64url(deflateSync(new TextEncoder().encode(JSON.stringify(v))))}`,
          KNOWN,
        );
        expect(r.kind).toBe('error');
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    expect(encodePayload(full)).toBe(encodePayload(full));
  });
});
