/**
 * `realRecall`: the share of facts written down for the real pastes (src/parsers/__fixtures__/
 * real/*.facts) that the parser recovers. The corpus test requires 1; the bench reports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseInputs } from '../src/parsers/index';
import { checkFacts, parseFacts } from '../src/parsers/output/facts';

const DIR = new URL('../src/parsers/__fixtures__/real/', import.meta.url);

export function realRecall(): { realRecall: number; realPastes: number; realFacts: number } {
  let total = 0;
  let found = 0;
  const names = readdirSync(DIR).filter((f) => f.endsWith('.txt'));
  for (const n of names) {
    const text = readFileSync(new URL(n, DIR), 'utf8');
    const cut = text.indexOf('\n# ---\n');
    const r = parseInputs([{ name: n, text: cut < 0 ? text : text.slice(cut + 7) }]);
    const facts = parseFacts(readFileSync(new URL(n.replace(/\.txt$/, '.facts'), DIR), 'utf8'));
    const res = checkFacts(facts, r.topology);
    total += res.total;
    found += res.found;
  }
  return {
    realRecall: total === 0 ? 0 : Number((found / total).toFixed(4)),
    realPastes: names.length,
    realFacts: total,
  };
}
