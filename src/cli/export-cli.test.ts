// @vitest-environment jsdom
// (jsdom for its XML parser: the SVG must be well-formed as a viewer reads it)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { traceFlow } from '../engine/index';
import { topologyToMermaid } from '../export/mermaid';
import { topologyToSvg } from '../export/static-svg';
import { traceToMarkdown, traceToText } from '../export/trace-text';
import type { Topology } from '../model/types';
import { buildScenario } from '../scenarios/index';
import {
  PLANTED_ADDRESSES,
  PLANTED_WORD,
  plantedInputs,
} from '../export/__fixtures__/planted-dump';
import type { CliIo } from './io';
import { runCli } from './run';

const CORPUS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../parsers/__fixtures__/corpus',
);
const DUMP = '08-docker-nat-ovs-two-networks-fl.txt';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string>();
  const value: CliIo = {
    stdout: (s: string) => void out.push(s),
    stderr: (s: string) => void err.push(s),
    readFile: (p) => new Uint8Array(readFileSync(path.join(CORPUS, p))),
    writeFile: (p, text) => void files.set(p, text),
  };
  return { io: value, out: () => out.join(''), err: () => err.join(''), files };
}

async function run(argv: string[], t = io()) {
  const code = await runCli(['export', ...argv], t.io);
  return { code, out: t.out(), err: t.err(), files: t.files };
}

/** Parse as XML the way an SVG viewer does; throws on a file that is not well-formed. */
function parseSvg(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

describe('hnsviz export (topology)', () => {
  it('draws a scenario as a standalone SVG with every laid-out object', async () => {
    const r = await run(['--scenario', 'new-l2bridge']);
    expect(r.code).toBe(0);
    const doc = parseSvg(r.out);
    const svg = doc.documentElement;
    expect(svg.localName).toBe('svg');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(doc.querySelector('[data-id="pod:a1"] text')?.textContent).toBe('a1');
    expect(doc.querySelectorAll('[data-kind="port"]').length).toBeGreaterThan(4);
    // Presentation attributes only: the CSP of the app refuses inline styles.
    expect(r.out).not.toMatch(/style=|class=/);
  });

  it('writes Mermaid and the hnsviz.model/1 document made by the app’s exporters', async () => {
    const t = buildScenario('old-winnat');
    expect((await run(['--scenario', 'old-winnat', '-f', 'mermaid'])).out).toBe(
      topologyToMermaid(t).replace(/\n?$/, '\n'),
    );
    const json = JSON.parse((await run(['--scenario', 'old-winnat', '--format=json'])).out) as {
      format: string;
      id: string;
    };
    expect(json).toMatchObject({ format: 'hnsviz.model/1', id: t.id });
  });

  it('-o writes the file and prints nothing on stdout', async () => {
    const r = await run(['--scenario', 'new-overlay', '-o', 'out.svg']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^wrote out\.svg \(svg, \d+ bytes\)/);
    parseSvg(r.files.get('out.svg')!);
  });

  it('scrubs a dump by default and says so; --no-scrub keeps the real data and says so', async () => {
    const real = await run([DUMP, '-f', 'mermaid', '--no-scrub']);
    const scrubbed = await run([DUMP, '-f', 'mermaid']);
    const ips = new Set(real.out.match(/\b\d+\.\d+\.\d+\.\d+\b/g));
    expect(ips.size).toBeGreaterThan(0);
    for (const ip of ips) expect(scrubbed.out).not.toContain(ip);
    expect(scrubbed.out.split('\n').length).toBe(real.out.split('\n').length);
    expect(scrubbed.err).toContain('export: scrubbed (addresses, names and free text replaced');
    expect(scrubbed.err).toContain('--no-scrub keeps the real data');
    expect(real.err).toContain('export: NOT scrubbed (--no-scrub)');
    // --scrub says what is already the default.
    expect((await run([DUMP, '-f', 'mermaid', '--scrub'])).err).toContain('export: scrubbed');
  });

  it('refuses --scrub with --no-scrub; a scenario goes out as it is unless --scrub', async () => {
    const both = await run([DUMP, '--scrub', '--no-scrub']);
    expect(both.code).toBe(2);
    expect(both.out).toBe('');
    expect(both.err).toMatch(/--scrub or --no-scrub, not both/);
    const scenario = await run(['--scenario', 'new-l2bridge', '-f', 'mermaid']);
    expect(scenario.out).toBe(
      topologyToMermaid(buildScenario('new-l2bridge')).replace(/\n?$/, '\n'),
    );
    expect(scenario.err).toBe('');
    const scrubbed = await run(['--scenario', 'new-l2bridge', '-f', 'mermaid', '--scrub']);
    // No pod's address is left whole. (Not "no `10.244.`": the key is random and the mapping
    // prefix-preserving, so some other /16 becomes 10.244 in about one run in 10,000.)
    const ips = Object.values(buildScenario('new-l2bridge').pods).map((p) => p.ip);
    expect(ips.length).toBeGreaterThan(2);
    expect(scenario.out).toContain(ips[0]);
    for (const ip of ips)
      expect(scrubbed.out).not.toMatch(
        new RegExp(`(?<![\\d.])${ip.replace(/\./g, '\\.')}(?![\\d])`),
      );
  });

  it('--help says a dump is scrubbed unless --no-scrub', async () => {
    const help = (await run(['--help'])).out;
    expect(help).toContain('--no-scrub');
    expect(help).toMatch(/A dump is scrubbed unless you give --no-scrub/);
  });

  it('hostile names stay text and the file stays well-formed', () => {
    const t = buildScenario('new-l2bridge');
    const pod = t.pods['pod:a1']!;
    const evil = '</text><script>alert(1)</script>\u0001&"x';
    const hostile: Topology = {
      ...t,
      title: evil,
      pods: { ...t.pods, [pod.id]: { ...pod, name: evil } },
    };
    const doc = parseSvg(topologyToSvg(hostile));
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('title')?.textContent).toBe(
      '</text><script>alert(1)</script>\ufffd&"x',
    );
  });

  it('rejects trace formats without a trace, and unknown formats', async () => {
    expect((await run(['--scenario', 'new-l2bridge', '-f', 'text'])).err).toMatch(
      /--format text needs a trace/,
    );
    expect((await run(['--scenario', 'new-l2bridge', '-f', 'png'])).code).toBe(2);
    expect((await run(['--scenario', 'new-l2bridge', '--from', 'a1'])).err).toMatch(
      /both --from and --to/,
    );
    expect((await run([])).code).toBe(2);
  });
});

describe('hnsviz export of a dump with a value planted in every identifying field', () => {
  const planted = new Map(
    plantedInputs().map((i) => [i.name, new TextEncoder().encode(i.text ?? '')]),
  );
  const files = [...planted.keys()];
  function plantedIo() {
    const t = io();
    return {
      ...t,
      io: {
        ...t.io,
        readFile: (p: string) => {
          const bytes = planted.get(p);
          if (!bytes) throw new Error(`no such file: ${p}`);
          return bytes;
        },
      },
    };
  }
  function leaks(text: string): string[] {
    const found = PLANTED_ADDRESSES.filter((a) => text.toLowerCase().includes(a.toLowerCase()));
    const word = PLANTED_WORD.exec(text);
    if (word) found.push(text.slice(Math.max(0, word.index - 30), word.index + 10));
    return found;
  }
  const trace = ['--from', 'PlantEpNameZq', '--to', '10.66.55.44:80'];
  const exports: Record<string, string[]> = {
    svg: ['-f', 'svg'],
    mermaid: ['-f', 'mermaid'],
    'model json': ['-f', 'json'],
    'trace text': [...trace, '-f', 'text'],
    'trace markdown': [...trace, '-f', 'markdown'],
    'trace svg': [...trace, '-f', 'svg'],
    'trace json': [...trace, '-f', 'json'],
  };

  for (const [what, args] of Object.entries(exports))
    it(`${what}: none of them by default, every kind of them with --no-scrub`, async () => {
      const scrubbed = await run([...files, ...args], plantedIo());
      expect(scrubbed.out.length).toBeGreaterThan(200);
      expect(leaks(scrubbed.out)).toEqual([]);
      const real = await run([...files, ...args, '--no-scrub'], plantedIo());
      expect(real.out).toMatch(PLANTED_WORD);
      expect(leaks(real.out).length).toBeGreaterThan(0);
    });

  it('-o: the written file holds none of them either', async () => {
    const r = await run([...files, '-f', 'json', '-o', 'out.json'], plantedIo());
    expect(r.code).toBe(0);
    expect(leaks(r.files.get('out.json')!)).toEqual([]);
    expect(r.err).toContain('export: scrubbed');
  });
});

describe('hnsviz export (trace)', () => {
  const req = ['--scenario', 'new-l2bridge', '--from', 'a1', '--to', '10.96.10.10:80'];
  const trace = () =>
    traceFlow(buildScenario('new-l2bridge'), {
      from: 'a1',
      to: '10.96.10.10:80',
      proto: 'tcp',
      reply: false,
    });

  it('prints the transcript as text (default) or Markdown, as the app exports it', async () => {
    expect((await run(req)).out).toBe(traceToText(trace()));
    expect((await run([...req, '-f', 'markdown'])).out).toBe(traceToMarkdown(trace()));
    const json = JSON.parse((await run([...req, '-f', 'json'])).out) as { verdict: string };
    expect(json.verdict).toBe(trace().verdict);
  });

  it('draws the path: the objects it passes numbered in hop order', async () => {
    const r = await run([...req, '-f', 'svg']);
    expect(r.code).toBe(0);
    const doc = parseSvg(r.out);
    const numbers = [...doc.querySelectorAll('g[aria-hidden="true"] text')].map(
      (n) => n.textContent,
    );
    const passed = new Set(
      trace()
        .hops.map((h) => h.objectId)
        .filter((id) => id !== null),
    );
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => String(i + 1)));
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers.length).toBeLessThanOrEqual(passed.size);
    expect(r.out).toContain('delivered');
  });

  it('exits 1 for a dropped packet, with the export written', async () => {
    const r = await run([
      '--scenario',
      'new-l2bridge',
      '--from',
      'external-client',
      '--to',
      '10.96.0.10:53',
      '--proto',
      'udp',
      '-f',
      'svg',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('dropped');
    parseSvg(r.out);
  });

  it('mermaid does not draw a trace', async () => {
    const r = await run([...req, '-f', 'mermaid']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a trace exports as text, markdown, svg, json/);
  });
});
