// @vitest-environment jsdom
/**
 * The caps a link or view file holds (src/model/limits.ts): a list longer than
 * `MAX_MODEL_LIST` is refused on opening with a clear, located reason, and the share side says
 * the same before sharing; anything at the caps (a full list, the longest id as the selection)
 * goes out and comes back the same.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { firstOverfullList, MAX_MODEL_LIST, MAX_MODEL_STRING } from '../model/limits';
import { parseInputs } from '../parsers/index';
import { buildScenario } from '../scenarios/index';
import { EP, longListDump } from './__fixtures__/long-list-dump';
import { decodeLink, encodeLink, whyNotShareable } from './codec';
import { importViewText, MAX_IMPORT_BYTES } from './open-view-file';
import { defaultViewState, parseViewState, type ViewState } from './view-state';

const KNOWN = ['old-winnat', 'new-l2bridge', 'new-overlay'];
const viewOf = (text: string, selected: string | null = null): ViewState => ({
  ...defaultViewState('new-l2bridge'),
  source: {
    kind: 'dump',
    topology: parseInputs([{ name: 'n.json', text }]).topology,
    scrubbed: false,
  },
  selected,
});

describe('list caps of links and view files', () => {
  it('a list over the cap: the share side and the opening side give the same located reason', () => {
    const view = viewOf(longListDump(MAX_MODEL_LIST + 1));
    const why = whyNotShareable(view, KNOWN);
    const want = `$.source.topology.endpoints["${EP}"].policies[0].raw.Samples: 100,001 entries; a link or view file holds at most 100,000 in one list`;
    expect(why).toBe(want);
    // A file made anyway (by hand, or by an older version) is refused with the same words.
    const opened = parseViewState(JSON.parse(JSON.stringify(view)), KNOWN);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problem.message).toBe(want);
    expect(importViewText('big.hnsviz.json', JSON.stringify(view), KNOWN)).toEqual({
      ok: false,
      message: `big.hnsviz.json: ${want}`,
    });
  }, 60_000);

  it('a list of exactly the cap is shared as a file and opens the same', () => {
    const view = viewOf(longListDump(MAX_MODEL_LIST));
    expect(whyNotShareable(view, KNOWN)).toBeNull();
    const text = JSON.stringify(view);
    const back = importViewText('v.hnsviz.json', text, KNOWN);
    // Compared as a boolean: a failure would otherwise print 100,000 list entries.
    expect(
      back.ok && isDeepStrictEqual(JSON.parse(JSON.stringify(back.state)), JSON.parse(text)),
    ).toBe(true);
  }, 60_000);

  it('finds lists at any depth, tables by their key count', () => {
    expect(firstOverfullList({ a: [{ b: new Array(MAX_MODEL_LIST).fill(0) }] })).toBeNull();
    expect(firstOverfullList({ a: [{ b: new Array(MAX_MODEL_LIST + 1).fill(0) }] })).toEqual({
      path: '$.a[0].b',
      count: MAX_MODEL_LIST + 1,
    });
    const table = Object.fromEntries(
      Array.from({ length: MAX_MODEL_LIST + 2 }, (_, i) => [`k${i}`, {}]),
    );
    expect(firstOverfullList({ t: table })).toEqual({ path: '$.t', count: MAX_MODEL_LIST + 2 });
  });

  it('the selection may be any model id, up to the longest (a link used to refuse past 512)', () => {
    const id = `ep-${'x'.repeat(MAX_MODEL_STRING - 3)}`;
    const view = viewOf(longListDump(1, id), id);
    expect(Object.keys(view.source.kind === 'dump' ? view.source.topology.endpoints : {})).toEqual([
      id,
    ]);
    expect(whyNotShareable(view, KNOWN)).toBeNull();
    const link = encodeLink(view);
    expect(link.ok).toBe(true);
    const opened = link.ok ? decodeLink(link.fragment, KNOWN) : null;
    expect(opened?.kind === 'ok' && opened.state.selected).toBe(id);
  });

  it('a view whose file would be over the reopen limit is refused before sharing', () => {
    const base = buildScenario('new-l2bridge');
    const pad = 'p'.repeat(MAX_MODEL_STRING);
    const view: ViewState = {
      ...defaultViewState('new-l2bridge'),
      source: {
        kind: 'dump',
        scrubbed: false,
        topology: {
          ...base,
          // Many long (but valid) strings: a file bigger than the reopen limit.
          externals: Object.fromEntries(
            Array.from({ length: Math.ceil(MAX_IMPORT_BYTES / MAX_MODEL_STRING) + 10 }, (_, i) => [
              `x${i}`,
              { id: `x${i}`, name: pad, ips: [], listens: [], routes: [] },
            ]),
          ) as unknown as typeof base.externals,
        },
      },
    };
    expect(whyNotShareable(view, KNOWN)).toMatch(
      /^as a file it is 3\d\.\d MiB; view files up to 32 MiB open$/,
    );
  });
});
