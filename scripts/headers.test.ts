import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP } from '../vite.config';

describe('public/_headers', () => {
  it('sends the pages’ policy with frame-ancestors, which a meta tag cannot set', () => {
    const text = readFileSync(new URL('../public/_headers', import.meta.url), 'utf8');
    const line = /Content-Security-Policy: (.*)$/m.exec(text)?.[1] ?? '';
    expect(line.startsWith(CSP)).toBe(true);
    expect(line).toMatch(/frame-ancestors /);
    expect(text).toMatch(/X-Content-Type-Options: nosniff/);
  });
});
