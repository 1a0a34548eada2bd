import { describe, expect, it } from 'vitest';
import { progressPercent, progressText } from './import-text';

describe('import progress text', () => {
  it('says what is read, how much of it and how many lines', () => {
    const p = {
      phase: 'parse',
      done: 9_000_000,
      total: 20_000_000,
      input: 'paste',
      lines: 180_400,
    };
    expect(progressText(p)).toBe('Reading pasted text: 45% — 9.0 of 20.0 MB, 180k lines');
    expect(progressText({ ...p, input: 'node1.json', lines: 1 })).toBe(
      'Reading node1.json: 45% — 9.0 of 20.0 MB, 1 line',
    );
    expect(progressText({ phase: 'parse', done: 0, total: 10, input: 'paste' })).toBe(
      'Reading pasted text: 0% — 0.0 of 0.0 MB',
    );
    expect(progressText({ phase: 'lint', done: 10, total: 10 })).toBe('Checking the node (lint)…');
  });

  it('reaches 100% only at the end', () => {
    expect(progressPercent({ done: 999, total: 1000 })).toBe(99);
    expect(progressPercent({ done: 1000, total: 1000 })).toBe(100);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
  });
});
