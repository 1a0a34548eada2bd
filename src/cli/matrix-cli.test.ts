import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from '../cluster/index';
import { CHUNK_CHARS, computeMatrix, toMatrixDoc } from '../engine/matrix/index';
import { syntheticDump } from '../../bench/parse-bench';
import type { CliIo } from './io';
import { runCli } from './run';
import type { MatrixDoc } from '../engine/matrix/index';

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (s: string) => void out.push(s),
    stderr: (s: string) => void err.push(s),
    readFile: (p: string) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`);
      return new TextEncoder().encode(files[p]);
    },
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

async function run(argv: string[], files: Record<string, string> = {}) {
  const t = io(files);
  const code = await runCli(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('hnsviz matrix', () => {
  it('prints hnsviz.matrix/1: ids in the lists, one cell per pair, the deciding rule', async () => {
    const r = await run(['matrix', '--scenario', 'new-l2bridge', '--json', '--workers', '1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as MatrixDoc;
    expect(doc.format).toBe('hnsviz.matrix/1');
    expect(doc.cells).toHaveLength(doc.sources.length * doc.destinations.length);
    expect(Object.keys(doc.sources[0]!).sort()).toEqual(['id', 'ip', 'label', 'node']);
    expect(Object.keys(doc.destinations[0]!).sort()).toEqual(
      ['id', 'ip', 'kind', 'label', 'port', 'proto'].sort(),
    );
    const ids = new Set([...doc.sources, ...doc.destinations].map((x) => x.id));
    for (const c of doc.cells) expect(ids.has(c.source) && ids.has(c.destination)).toBe(true);
    const a1 = doc.sources.find((s) => s.label === 'default/a1')!;
    const b2 = doc.destinations.find((d) => d.ip === '10.244.2.11' && d.port === 8080)!;
    const cell = doc.cells.find((c) => c.source === a1.id && c.destination === b2.id)!;
    expect(cell).toMatchObject({ verdict: 'dropped', layer: 'ACL_ENDPOINT_LAYER' });
    expect(typeof cell.priority).toBe('number');
  });

  it('--only-drops keeps the lists and filters the cells; --csv has a header', async () => {
    const all = JSON.parse(
      (await run(['matrix', '--scenario', 'old-winnat', '--json', '--workers', '1'])).out,
    ) as MatrixDoc;
    const drops = JSON.parse(
      (await run(['matrix', '--scenario', 'old-winnat', '--json', '--only-drops'])).out,
    ) as MatrixDoc;
    expect(drops.sources).toEqual(all.sources);
    expect(drops.cells.length).toBeGreaterThan(0);
    expect(drops.cells.every((c) => c.verdict === 'dropped')).toBe(true);
    expect(drops.cells).toEqual(all.cells.filter((c) => c.verdict === 'dropped'));
    const csv = (await run(['matrix', '--scenario', 'old-winnat', '--csv', '--only-drops'])).out;
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^source_id,source,destination_id,destination,verdict,reason/);
    expect(lines).toHaveLength(drops.cells.length + 1);
  });

  it('--expect: exit 1 when an allowed pair is dropped or a denied pair delivered', async () => {
    const files = {
      ok: '# b2 admits only a2\ndeny a1 10.244.2.11:8080\nallow a2 10.244.2.11:8080/tcp\n',
      bad: 'allow a1 10.244.2.11:8080\nallow * 203.0.113.10\n',
      leak: 'deny a2 10.244.2.11:8080\n',
      typo: 'allow a9 10.244.2.11:8080\n',
      garbage: 'permit a1\n',
    };
    const ok = await run(['matrix', '--scenario', 'new-l2bridge', '--expect', 'ok'], files);
    expect(ok.code).toBe(0);
    const bad = await run(['matrix', '--scenario', 'new-l2bridge', '--expect', 'bad'], files);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/expect line 1: allow default\/a1 -> .*b2.*dropped/);
    expect(bad.err).toMatch(/expect line 2: allow .* ICMP, but dropped/);
    const leak = await run(['matrix', '--scenario', 'new-l2bridge', '--expect', 'leak'], files);
    expect(leak.code).toBe(1);
    const typo = await run(['matrix', '--scenario', 'new-l2bridge', '--expect', 'typo'], files);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/line 1: no source matches 'a9'/);
    const garbage = await run(
      ['matrix', '--scenario', 'new-l2bridge', '--expect', 'garbage'],
      files,
    );
    expect(garbage.code).toBe(2);
    expect(garbage.out).toBe('');
    const missing = await run(['matrix', '--scenario', 'new-l2bridge', '--expect', 'nope'], files);
    expect(missing.code).toBe(2);
  });

  it('--dump A B: two nodes’ files as one cluster, the same document as the engine gives', async () => {
    const fixture = (f: string) =>
      readFileSync(new URL(`../cluster/__fixtures__/${f}`, import.meta.url), 'utf8');
    const files = {
      'win-a.txt': fixture('l2bridge-win-a.txt'),
      'win-b.txt': fixture('l2bridge-win-b.txt'),
    };
    const r = await run(['matrix', '--dump', 'win-a.txt', 'win-b.txt', '--json'], files);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as MatrixDoc;
    expect(new Set(doc.sources.map((s) => s.node))).toEqual(new Set(['WIN-A', 'WIN-B']));
    expect(doc.cells).toHaveLength(doc.sources.length * doc.destinations.length);
    // Exactly what the engine computes on the stitched cluster, cell for cell.
    const t = parseCluster(Object.entries(files).map(([name, text]) => ({ name, text }))).topology;
    expect(doc).toEqual(JSON.parse(JSON.stringify(toMatrixDoc(computeMatrix(t)))));
    // a1 on WIN-A is refused by b2's policy on WIN-B; a2 gets through.
    const src = (ip: string) => doc.sources.find((s) => s.ip === ip)!.id;
    const b2 = doc.destinations.find((d) => d.ip === '10.244.2.11' && d.port === 8080)!.id;
    const at = (s: string) => doc.cells.find((c) => c.source === s && c.destination === b2)!;
    expect(at(src('10.244.1.10'))).toMatchObject({
      verdict: 'dropped',
      layer: 'ACL_ENDPOINT_LAYER',
    });
    expect(at(src('10.244.1.11')).verdict).toBe('delivered');
    // The same files as plain arguments, with --only-drops and an expect file.
    const drops = await run(
      ['matrix', 'win-a.txt', 'win-b.txt', '--only-drops', '--expect', 'policy'],
      {
        ...files,
        policy: 'deny 10.244.1.10 10.244.2.11:8080\nallow 10.244.1.11 10.244.2.11:8080\n',
      },
    );
    expect(drops.code).toBe(0);
    expect(drops.out).toMatch(/WIN-B/);
  });

  it('writes a big matrix in pieces (a million cells are longer than a string can be)', async () => {
    // 100 pods and 200 load balancers: tens of thousands of cells, megabytes of JSON.
    const text = syntheticDump(0.05, 100, 200);
    const t = io({ 'big.json': text });
    const writes: string[] = [];
    const value: CliIo = { ...t.io, stdout: (s: string) => void writes.push(s) };
    expect(await runCli(['matrix', 'big.json', '--json', '--workers', '1'], value)).toBe(0);
    expect(writes.length).toBeGreaterThan(4);
    for (const w of writes) expect(w.length).toBeLessThan(CHUNK_CHARS + 4096);
    const doc = JSON.parse(writes.join('')) as MatrixDoc;
    const topo = parseCluster([{ name: 'big.json', text }]).topology;
    expect(doc).toEqual(JSON.parse(JSON.stringify(toMatrixDoc(computeMatrix(topo)))));
  }, 60_000);

  it('bad usage exits 2', async () => {
    expect((await run(['matrix', '--scenario', 'new-l2bridge', '--json', '--csv'])).code).toBe(2);
    expect((await run(['matrix', '--scenario', 'new-l2bridge', '--workers', '0'])).code).toBe(2);
    expect((await run(['matrix'])).code).toBe(2);
  });
});
