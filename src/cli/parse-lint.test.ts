import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLint } from './lint';
import { runParse } from './parse';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../parsers/__fixtures__/corpus',
);

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: { write: (s: string) => err.push(s) },
      readFile: (p: string): Uint8Array => {
        if (p in files) return new TextEncoder().encode(files[p]);
        return new Uint8Array(readFileSync(path.join(FIXTURES, p)));
      },
    },
  };
}

describe('hnsviz parse', () => {
  it('prints one hnsviz.parse/1 document and exits 0 on a good dump', () => {
    const t = io();
    expect(runParse(['09-calico-overlay-remotesubnet-fl.txt', '--json'], t.io)).toBe(0);
    const doc = JSON.parse(t.out.join('')) as { format: string; networks: { type: string }[] };
    expect(doc.format).toBe('hnsviz.parse/1');
    expect(doc.networks[0]?.type).toBe('overlay');
  });

  it('exits 1 with error diagnostics and still prints the JSON', () => {
    const t = io({ 'garbage.txt': 'nothing to see here' });
    expect(runParse(['parse', 'garbage.txt', '--json'], t.io)).toBe(1);
    const doc = JSON.parse(t.out.join('')) as { diagnostics: { code: string; line: number }[] };
    expect(doc.diagnostics[0]).toMatchObject({ code: 'E_UNKNOWN_FORMAT', line: 1 });
  });

  it('exits 2 on usage errors and unreadable files', () => {
    expect(runParse([], io().io)).toBe(2);
    expect(runParse(['--bogus', 'x'], io().io)).toBe(2);
    const t = io();
    expect(runParse(['does-not-exist.txt'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('cannot read');
    expect(runParse(['--help'], io().io)).toBe(0);
  });

  it('prints a human summary with located diagnostics', () => {
    const t = io();
    expect(runParse(['30-rke2-calico-endpoint-fl-acl.txt'], t.io)).toBe(0);
    const text = t.out.join('');
    expect(text).toContain('30-rke2-calico-endpoint-fl-acl.txt: format-list (utf-8), 1 object(s)');
    expect(text).toContain('30-rke2-calico-endpoint-fl-acl.txt:16:22: warning W_LIST_TRUNCATED');
  });
});

describe('hnsviz lint', () => {
  it('prints findings as Problem / Evidence / Fix', () => {
    const t = io();
    expect(runLint(['lint', '09-calico-overlay-remotesubnet-fl.txt'], t.io)).toBe(0);
    const text = t.out.join('');
    expect(text).toMatch(
      /WARNING management-ip-unexpected[\s\S]*Problem:[\s\S]*Evidence:[\s\S]*Fix:/,
    );
  });

  it('prints one JSON document with --json', () => {
    const t = io();
    expect(runLint(['43-flannel-vxlan-hnsdiag-list-all-with-lbs.txt', '--json'], t.io)).toBe(0);
    const doc = JSON.parse(t.out.join('')) as { format: string; findings: unknown[] };
    expect(doc.format).toBe('hnsviz.lint/1');
    expect(Array.isArray(doc.findings)).toBe(true);
    expect(runLint(['--json'], io().io)).toBe(2);
  });
});
