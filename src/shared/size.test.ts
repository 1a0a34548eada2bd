import { describe, expect, it } from 'vitest';
import { formatSize } from './size';

describe('formatSize', () => {
  it('picks the unit that keeps the figure readable, never "0 MiB"', () => {
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(1000)).toBe('1000 bytes');
    expect(formatSize(64 * 1024)).toBe('64 KiB');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(1048576 - 1)).toBe('1024 KiB');
    expect(formatSize(1.5 * 1048576)).toBe('1.5 MiB');
    expect(formatSize(128 * 1048576)).toBe('128 MiB');
    expect(formatSize(20.04 * 1048576)).toBe('20 MiB');
  });
});
