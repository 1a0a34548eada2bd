/**
 * CLI start (budgets: under 200 ms, and within 5× a bare `node -e 0`, measured in the same run),
 * measured by bench/cli-start.ts (also part of `npm run bench`).
 */
import { test } from '@playwright/test';
import { measureCliStart } from '../cli-start';
import { report } from './budget';

test('CLI start', () => {
  const f = measureCliStart();
  report('cliStartMs', f.cliStartMs, 'ms', { below: 200 });
  report('nodeStartMs', f.nodeStartMs, 'ms');
  report('cliStartRatio', f.cliStartRatio, '× node -e 0', { below: 5 });
});
