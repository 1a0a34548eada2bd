import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const runParse = (argv: string[], io: Parameters<typeof runCli>[1]) =>
  runCli(['parse', ...argv], io);
const runLint = (argv: string[], io: Parameters<typeof runCli>[1]) => runCli(['lint', ...argv], io);
const runDiff = (argv: string[], io: Parameters<typeof runCli>[1]) => runCli(['diff', ...argv], io);

const fixture = (f: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url)));

/** A virtual file system: `before/` and `after/` folders, a zip, and loose files. */
function io() {
  const files: Record<string, Uint8Array> = {
    'before/a.txt': fixture('l2bridge-win-a.txt'),
    'before/b.txt': fixture('l2bridge-win-b.txt'),
    'after/a.txt': fixture('l2bridge-win-a.txt'),
    'after/b.txt': fixture('l2bridge-win-b-after.txt'),
    'overlay-a.txt': fixture('overlay-win-a.txt'),
    'overlay-b.txt': fixture('overlay-win-b.txt'),
  };
  files['issue.zip'] = zipSync({
    'nodeA/collector.txt': fixture('overlay-win-a.txt'),
    'nodeB/collector.txt': fixture('overlay-win-b.txt'),
  });
  const out: string[] = [];
  const err: string[] = [];
  const dirs = ['before', 'after'];
  return {
    out,
    err,
    json: () => JSON.parse(out.join('')) as Record<string, unknown>,
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
      readFile: (p: string): Uint8Array => {
        const f = files[p];
        if (!f) throw new Error('ENOENT');
        return f;
      },
      isDirectory: (p: string) => dirs.includes(p.replace(/\/$/, '')),
      readDir: (p: string) =>
        Object.keys(files)
          .filter((f) => f.startsWith(`${p.replace(/\/$/, '')}/`))
          .map((f) => f.slice(f.indexOf('/') + 1)),
    },
  };
}

interface ParseDoc {
  nodes: { id: string; name: string; managementIp: string; inputs: string[] }[];
  networks: { id: string; node: string }[];
  endpoints: { id: string; node: string; isRemote: boolean }[];
  loadBalancers: { id: string; node: string }[];
}

describe('hnsviz parse with several nodes', () => {
  it('files: hnsviz.parse/1 lists nodes and puts a node on every network, endpoint and LB', async () => {
    const t = io();
    expect(await runParse(['overlay-a.txt', 'overlay-b.txt', '--json'], t.io)).toBe(0);
    const doc = t.json() as unknown as ParseDoc;
    expect(doc.nodes.map((n) => [n.id, n.name, n.managementIp, n.inputs])).toEqual([
      ['node:win-a', 'WIN-A', '10.0.0.4', ['overlay-a.txt']],
      ['node:win-b', 'WIN-B', '10.0.0.5', ['overlay-b.txt']],
    ]);
    const ids = new Set(doc.nodes.map((n) => n.id));
    for (const x of [...doc.networks, ...doc.endpoints, ...doc.loadBalancers])
      expect(ids.has(x.node)).toBe(true);
    expect(doc.networks).toHaveLength(2);
  });

  it('folders and a zip of folders', async () => {
    const t = io();
    expect(await runParse(['before/', 'after', '--json'], t.io)).toBe(0);
    // Four files, two host names: the collector headers put before/ and after/ together.
    expect((t.json() as unknown as ParseDoc).nodes.map((n) => n.inputs)).toEqual([
      ['before/a.txt', 'after/a.txt'],
      ['before/b.txt', 'after/b.txt'],
    ]);
    const z = io();
    expect(await runParse(['issue.zip', '--json'], z.io)).toBe(0);
    expect((z.json() as unknown as ParseDoc).nodes.map((n) => n.inputs)).toEqual([
      ['issue.zip/nodeA/collector.txt'],
      ['issue.zip/nodeB/collector.txt'],
    ]);
  });

  it('an unreadable path is a usage error (exit 2)', async () => {
    const t = io();
    expect(await runParse(['missing.txt'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/cannot read missing\.txt/);
  });
});

describe('hnsviz lint with several nodes', () => {
  it('names the objects and IPs on each node', async () => {
    const t = io();
    expect(await runLint(['after', '--json'], t.io)).toBe(1);
    const doc = t.json() as {
      format: string;
      findings: {
        code: string;
        nodes: { node: string; objects: { id: string; ips: string[] }[] }[];
      }[];
    };
    expect(doc.format).toBe('hnsviz.lint/1');
    const stale = doc.findings.find((f) => f.code === 'remote-endpoint-stale')!;
    expect(stale.nodes.map((n) => n.node)).toEqual(['node:win-a']);
    expect(stale.nodes[0]!.objects[0]).toMatchObject({
      id: '349449bc-5126-48ab-a82b-cfeadb294291',
      ips: ['10.244.2.10'],
    });
    const differ = doc.findings.find((f) => f.code === 'service-backends-differ')!;
    expect(differ.nodes.map((n) => n.node)).toEqual(['node:win-a', 'node:win-b']);
    // Healthy pair: no false duplicate IP / VIP across nodes.
    const ok = io();
    expect(await runLint(['before', '--json'], ok.io)).toBe(0);
    expect((ok.json() as { findings: unknown[] }).findings).toEqual([]);
  });
});

describe('hnsviz diff', () => {
  it('prints hnsviz.diff/1: the stale endpoint removed, backends changed, the trace flips', async () => {
    const t = io();
    const rc = await runDiff(
      ['before', 'after', '--json', '--from', 'a1', '--to', '10.96.10.10:80', '--seed', '2'],
      t.io,
    );
    expect(rc).toBe(1);
    const doc = t.json() as {
      format: string;
      added: unknown[];
      removed: { kind: string; id: string; node: string }[];
      changed: {
        kind: string;
        before: { id: string };
        fields: { field: string; before: unknown; after: unknown }[];
      }[];
      trace: { before: { verdict: string }; after: { verdict: string; reason: string } };
    };
    expect(doc.format).toBe('hnsviz.diff/1');
    expect(doc.added).toEqual([]);
    expect(doc.removed.filter((x) => x.kind === 'endpoint')).toEqual([
      expect.objectContaining({ id: '9d84a41d-a0bd-46a8-aa63-4207c6160a22', node: 'node:win-b' }),
    ]);
    const lb = doc.changed.find((c) => c.before.id === 'a94069a5-48f3-45d4-a448-e3cf4407c3be')!;
    expect(lb.fields).toEqual([
      { field: 'backends', before: ['10.244.1.11', '10.244.2.10'], after: ['10.244.1.11'] },
    ]);
    expect(doc.trace.before.verdict).toBe('delivered');
    expect(doc.trace.after.verdict).toBe('dropped');
    expect(doc.trace.after.reason).toMatch(/stale remote endpoint/);
    // The deleted pod's VFP rules, each marked as derived by hnsviz (the fixtures hold no vfpctrl).
    const rules = doc.removed.filter((x) => x.kind === 'rule') as { derived?: boolean }[];
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.every((x) => x.derived === true)).toBe(true);
    expect((doc as unknown as { vfp: Record<string, unknown> }).vfp).toEqual({
      derivedPorts: 0,
      unchangedPorts: 0,
      skippedPorts: 0,
      skipped: [],
      ruleLimit: 200000,
    });
  });

  it('text: derived rules are marked and the mark is explained; --derive-limit is checked', async () => {
    const t = io();
    expect(await runDiff(['before', 'after'], t.io)).toBe(1);
    const text = t.out.join('');
    expect(text).toMatch(/^- VFP rule MAC_REWRITE_IN_10\.244\.2\.10 .* on WIN-B \[derived\]$/m);
    expect(text).toMatch(/^- endpoint b1_cbr0 10\.244\.2\.10 on WIN-B$/m);
    expect(text).toMatch(/^\[derived\]: a VFP rule hnsviz derived/m);
    expect(await runDiff(['before', 'after', '--derive-limit', 'many'], io().io)).toBe(2);
  });

  it('same snapshot twice: no differences, exit 0; wrong arguments: exit 2', async () => {
    const t = io();
    expect(await runDiff(['before', 'before'], t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/no differences/);
    expect(await runDiff(['before'], io().io)).toBe(2);
    expect(await runDiff(['before', 'after', '--from', 'a1'], io().io)).toBe(2);
  });
});
