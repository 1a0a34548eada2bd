/**
 * Real pastes from public issue threads (`__fixtures__/real/`, each naming its thread), with
 * what a person can read in each written down beside it (`.facts`, see output/facts.ts).
 * Recall over the whole corpus must be 100 %; no paste may crash the parser or leave nothing.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInputs } from './index';
import { checkFacts, parseFacts } from './output/facts';

const DIR = new URL('./__fixtures__/real/', import.meta.url);
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The paste without its provenance header (everything up to the `# ---` line). */
export function pasteOf(file: string): string {
  const text = readFileSync(new URL(file, DIR), 'utf8');
  const cut = text.indexOf('\n# ---\n');
  return cut < 0 ? text : text.slice(cut + 7);
}

describe('real pastes', () => {
  it('has 40 or more pastes, each with its source thread and facts', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const n of names) {
      expect(readFileSync(new URL(n, DIR), 'utf8')).toMatch(/^# source: https:\/\/github\.com\//);
      expect(
        parseFacts(readFileSync(new URL(n.replace(/\.txt$/, '.facts'), DIR), 'utf8')).length,
      ).toBeGreaterThan(0);
    }
  });

  const totals = { total: 0, found: 0 };
  for (const n of names) {
    it(n, () => {
      const r = parseInputs([{ name: n, text: pasteOf(n) }]);
      expect(r.diagnostics.filter((d) => d.code === 'E_INTERNAL')).toEqual([]);
      const facts = parseFacts(readFileSync(new URL(n.replace(/\.txt$/, '.facts'), DIR), 'utf8'));
      const res = checkFacts(facts, r.topology);
      totals.total += res.total;
      totals.found += res.found;
      expect(res.missing).toEqual([]);
    });
  }

  it('recovers every fact written down (recall 100 %)', () => {
    expect(totals.total).toBeGreaterThan(0);
    expect(totals.found / totals.total).toBe(1);
  });
});
