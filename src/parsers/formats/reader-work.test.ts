/**
 * Readers do work linear in the paste, counted (not timed): lines looked at by the list view
 * (a rest-of-paste scan per blank line made it quadratic) and characters searched by the
 * log-line JSON reader (a search to the end of the paste per log line), lines the vfpctrl
 * reader looks at and id-list elements its builder writes (copying a group's rule list per
 * rule made it quadratic). `npm run bench`'s `readerDoubling` shows the time.
 */
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../index';
import type { Doc } from '../decode/cleanup';
import { DiagSink } from '../diagnostics';
import { parseFormatList } from './format-list';
import { readJson, SearchMemo } from './json-reader';
import { parseVfp } from './vfpctrl';
import { buildVfp, type VfpBuildWork } from '../build/build-vfp';

/** A Doc whose `lines` count every element read. */
function countingDoc(lines: string[]): { doc: Doc; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(lines, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { doc: { lines: proxy, lineNo: lines.map((_, i) => i + 1) }, reads: () => reads };
}

const listView = (n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(`ID             : ep-${i}`, `IPAddress      : 10.0.${i >> 8}.${i & 255}`, '');
  return out;
};

describe('work of the readers', () => {
  it('the list view reads each line a bounded number of times', () => {
    const work = (n: number): number => {
      const { doc, reads } = countingDoc(listView(n));
      const r = parseFormatList(doc, 0, new DiagSink('x'), 'endpoint', () => false);
      expect(r.objects).toHaveLength(n);
      return reads();
    };
    const lines = 3 * 4000;
    expect(work(4000)).toBeLessThanOrEqual(12 * lines);
    expect(work(8000)).toBeLessThanOrEqual(2.1 * work(4000));
  });

  it('log lines share one search for the next backslash and line break', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `I1203 x.go:1] ep {"ID":"ep-${i}"}`);
    const text = lines.join('\n');
    const memo = new SearchMemo(text);
    let offset = 0;
    for (const line of lines) {
      const r = readJson(text, offset + line.indexOf('{'), null, memo);
      expect(r.error).toBeNull();
      offset += line.length + 1;
    }
    // Each search goes from where the last one started: the text is crossed about twice.
    expect(memo.work).toBeLessThanOrEqual(3 * text.length);
  });

  it('vfpctrl rules of one group: every rule once in its group, in priority order', () => {
    const rules = Array.from({ length: 3000 }, (_, i) =>
      [
        `    RULE : R-${i}`,
        `        Priority : ${3000 - i}`,
        '        Type : allow',
        '        Conditions:',
        '            <none>',
        '',
      ].join('\n'),
    );
    const text = [
      'vfpctrl /port p1 /layer ACL /list-rule',
      '  GROUP : G',
      '      Priority : 1',
      '      Direction : OUT',
      '',
      ...rules,
      rules[5]!, // the same rule again: it keeps one place
    ].join('\n');
    const t = parseInputs([{ name: 'v.txt', text }], { deriveVfp: false }).topology;
    const group = Object.values(t.groups)[0]!;
    expect(group.ruleIds).toHaveLength(3000);
    expect(group.ruleIds[0]).toMatch(/R-2999$/);
    expect(new Set(group.ruleIds).size).toBe(3000);
  });
});

/** vfpctrl output: `groups` groups in one layer, `rules` rules in each. */
function vfpText(groups: number, rules: number): string[] {
  const out = ['vfpctrl /port p1 /layer ACL /list-rule'];
  for (let g = 0; g < groups; g++) {
    out.push(`  GROUP : G-${g}`, '      Priority : 1', '      Direction : OUT', '');
    for (let i = 0; i < rules; i++)
      out.push(
        `    RULE : R-${g}-${i}`,
        `        Priority : ${rules - i}`,
        '        Type : allow',
        '        Conditions:',
        '            <none>',
        '',
      );
  }
  return out;
}

describe('work of the vfpctrl reader and builder', () => {
  /** Lines the reader looked at and list elements the builder wrote, for one paste. */
  const work = (groups: number, rules: number): { lines: number; reads: number; built: number } => {
    const lines = vfpText(groups, rules).slice(1);
    const { doc, reads } = countingDoc(lines);
    const r = parseVfp(doc, 0, { port: 'p1', layer: 'ACL', group: null });
    expect(r.next).toBe(lines.length);
    const counted: VfpBuildWork = { elements: 0 };
    const t = buildVfp(
      parseInputs([]).topology,
      r.items.map((it) => ({ ...it, input: 'v.txt' })),
      counted,
    );
    expect(Object.keys(t.rules)).toHaveLength(groups * rules);
    expect(Object.values(t.layers)[0]!.groupIds).toHaveLength(groups);
    return { lines: lines.length, reads: reads(), built: counted.elements };
  };

  it('many rules in one group: each line and each rule a bounded number of times', () => {
    const small = work(1, 4000);
    const big = work(1, 8000);
    expect(small.reads).toBeLessThanOrEqual(4 * small.lines);
    expect(big.reads).toBeLessThanOrEqual(2.1 * small.reads);
    expect(small.built).toBeLessThanOrEqual(4 * 4000);
    expect(big.built).toBeLessThanOrEqual(2.1 * small.built);
  });

  it('many groups in one layer: the same', () => {
    const small = work(4000, 1);
    const big = work(8000, 1);
    expect(big.reads).toBeLessThanOrEqual(2.1 * small.reads);
    expect(small.built).toBeLessThanOrEqual(6 * 4000);
    expect(big.built).toBeLessThanOrEqual(2.1 * small.built);
  });
});
