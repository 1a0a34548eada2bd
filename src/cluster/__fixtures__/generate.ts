/**
 * Regenerates the collector files of this folder from the built-in scenarios:
 * `npx tsx src/cluster/__fixtures__/generate.ts`. `fixtures.test.ts` fails when they drift.
 */
import { writeFileSync } from 'node:fs';
import { clusterFixtures } from './fixtures';

for (const f of clusterFixtures())
  writeFileSync(new URL(f.file, import.meta.url), f.text.replace(/\n/g, '\r\n'));
