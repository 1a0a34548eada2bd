import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineCommand } from './command';
import { COMMANDS } from './commands/index';
import type { CliIo } from './io';
import { runCli } from './run';
import { VERSION } from './version';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../parsers/__fixtures__/corpus',
);

/** An in-memory io: named files first, then the parser corpus; `stdin` for `-`. */
function io(files: Record<string, string> = {}, stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (s: string) => void out.push(s),
    stderr: { write: (s: string) => err.push(s) },
    readFile: (p: string): Uint8Array => {
      if (p in files) return new TextEncoder().encode(files[p]);
      return new Uint8Array(readFileSync(path.join(FIXTURES, p)));
    },
    ...(stdin !== undefined ? { readStdin: () => new TextEncoder().encode(stdin) } : {}),
  };
  return {
    io: value,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function run(argv: string[], t = io()) {
  const code = await runCli(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('hnsviz (global)', () => {
  it('--help lists every command and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['trace', 'describe', 'parse', 'lint']) expect(r.out).toMatch(`\n  ${c} `);
  });

  it('no arguments prints the help to stderr and exits 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: hnsviz <command>');
    expect(r.out).toBe('');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, out: `${pkg.version}\n` });
    expect(VERSION).toBe(pkg.version);
  });

  it('unknown commands and options exit 2 with a pointer to --help', async () => {
    const cmd = await run(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.err).toMatch(/unknown command 'frobnicate'[\s\S]*hnsviz --help/);
    expect((await run(['--frob'])).code).toBe(2);
  });

  it('<cmd> --help and help <cmd> print the command usage with its options', async () => {
    for (const argv of [
      ['trace', '--help'],
      ['trace', '-h'],
      ['help', 'trace'],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^usage: hnsviz trace /);
      expect(r.out).toContain('--from WHO');
      expect(r.out).toContain('--dump FILE');
    }
    expect((await run(['help', 'nope'])).code).toBe(2);
  });

  it('rejects unknown options, missing values and stray arguments with exit 2', async () => {
    const unknown = await run(['trace', '--scenario', 'new-l2bridge', '--frm', 'a1']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^hnsviz trace: Unknown option '--frm'\nrun 'hnsviz trace --help'/);
    expect((await run(['describe', '--scenario'])).code).toBe(2);
    expect((await run(['describe', '--json=yes', '--scenario', 'old-winnat'])).code).toBe(2);
    expect((await run(['parse'])).err).toMatch(/at least 1 argument/);
  });

  it("the table's summaries are the commands' own (the table loads them lazily)", async () => {
    for (const entry of COMMANDS) {
      const cmd = await entry.load();
      expect([cmd.name, cmd.summary]).toEqual([entry.name, entry.summary]);
    }
  });

  it('a command added to the table gets the same parsing and help', async () => {
    const echo = defineCommand({
      name: 'echo',
      summary: 'Echo.',
      usage: ['[--times N] WORD'],
      options: { times: { type: 'string', value: 'N', help: 'repeat' } },
      positionals: { min: 1, max: 1 },
      run: ({ values, positionals }, { out }) => {
        out(`${positionals[0]!.repeat(Number(values.times ?? 1))}\n`);
        return 0;
      },
    });
    const t = io();
    expect(await runCli(['echo', '--times=3', 'ab'], t.io, [echo])).toBe(0);
    expect(t.out()).toBe('ababab\n');
    expect(await runCli(['echo', 'a', 'b'], io().io, [echo])).toBe(2);
    expect(await runCli(['--help'], t.io, [echo])).toBe(0);
    expect(t.out()).toContain('  echo  Echo.');
  });
});

describe('hnsviz trace', () => {
  it('prints the text trace and exits 0 when delivered', async () => {
    const r = await run([
      'trace',
      '--scenario=new-l2bridge',
      '--from',
      'a1',
      '--to=10.96.10.10:80',
      '--reply',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/delivered/i);
    expect(r.err).toBe('');
  });

  it('exits 1 when the packet is dropped, and still prints the trace', async () => {
    const r = await run([
      'trace',
      '--scenario',
      'new-l2bridge',
      '--from',
      'a1',
      '--to',
      'b2:8080',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { format: string; verdict: string };
    expect(doc).toMatchObject({ format: 'hnsviz.trace/1', verdict: 'dropped' });
  });

  it('validates its options', async () => {
    const base = ['trace', '--scenario', 'new-overlay', '--from', 'a1'];
    expect((await run([...base])).err).toContain('missing --to');
    expect((await run([...base, '--to', 'b1', '--proto', 'sctp'])).err).toContain(
      "--proto: expected tcp, udp, icmp, got 'sctp'",
    );
    expect((await run([...base, '--to', 'b1', '--src-port', '70000'])).code).toBe(2);
    const bad = await run([...base, '--to', 'no-such-pod']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^hnsviz trace: .*no-such-pod/);
    expect((await run(['trace', '--scenario', 'nope', '--from', 'a', '--to', 'b'])).err).toMatch(
      /unknown scenario 'nope'/,
    );
  });

  it('traces over a dump given as a file or on stdin, with the same result', async () => {
    const dump = readFileSync(
      new URL('../dump-import/__fixtures__/collector-sample.txt', import.meta.url),
      'utf8',
    );
    const req = [
      '--from',
      'b2e1d4c3-2c3d-4e4f-9051-6b7c8d9e0f12',
      '--to',
      '10.244.2.20:80',
      '--json',
    ];
    const viaFile = await run(['trace', '--dump', 'node.txt', ...req], io({ 'node.txt': dump }));
    const viaStdin = await run(['trace', '-', ...req], io({}, dump));
    expect(viaFile.code).toBe(0);
    const doc = JSON.parse(viaFile.out) as { verdict: string; deliveredTo: { kind: string } };
    expect(doc).toMatchObject({ verdict: 'delivered', deliveredTo: { kind: 'wire' } });
    const asFile = (text: string) => text.replaceAll('<stdin>', 'node.txt');
    expect(viaStdin.code).toBe(0);
    expect(asFile(viaStdin.out)).toBe(viaFile.out);
    expect(asFile(viaStdin.err)).toBe(viaFile.err);
    expect(viaStdin.err).toMatch(/^<stdin>:\d+:1: info I_HOST_TEXT: route print/);
  });

  it('--help says --to takes Service DNS names, and the forms it names behave as it says', async () => {
    const help = (await run(['trace', '--help'])).out;
    expect(help).toMatch(
      /--to DEST +.*a Service DNS name \(web\.default\.svc\.cluster\.local:80\)/,
    );
    expect(help).toMatch(/short name \(web\) and the fully qualified name/);
    expect(help).toMatch(/\(web\.default\) only where kube-proxy’s DNS proxy appends/);
    const trace = (scenario: string, to: string) =>
      run(['trace', '--scenario', scenario, '--from', 'a1', '--to', to, '--json']);
    for (const to of [
      'web:80',
      'web.default.svc.cluster.local:80',
      'web.default.svc.cluster.local.:80',
    ]) {
      const r = await trace('new-l2bridge', to);
      expect(r.code).toBe(0);
      expect(
        (JSON.parse(r.out) as { hops: { before: { dstIp: string } }[] }).hops[0]!.before.dstIp,
      ).toBe('10.96.10.10');
    }
    const dotted = await trace('new-l2bridge', 'web.default:80');
    expect(dotted.code).toBe(2);
    expect(dotted.err).toMatch(/appends the search suffixes only to a name without dots/);
    expect((await trace('old-winnat', 'web.default:80')).code).toBe(0);
    // The example the help gives runs as written.
    const example = /hnsviz trace (--scenario .*kube-dns\.kube-system\.svc\.cluster\.local.*)/.exec(
      help,
    );
    expect(example).not.toBeNull();
    expect((await run(['trace', ...example![1]!.split(' ')])).code).toBe(0);
  });

  it('refuses a scenario and a dump together, and an unreadable dump', async () => {
    expect(
      (await run(['trace', '--scenario', 'old-winnat', 'x.txt', '--from', 'a', '--to', 'b'])).err,
    ).toContain('not both');
    const r = await run(['trace', 'missing.txt', '--from', 'a', '--to', 'b']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read missing.txt');
  });
});

describe('hnsviz describe', () => {
  // The non-DSR designs: named in --help, labelled by describe, no DSR load balancer, and a
  // trace through the host port's SLB_LB_LAYER with no LB_DSR rule.
  it.each([
    {
      design: 'new-2017',
      label: /1709\/1803/,
      trace: [/NeedEncap/, /layer SLB_LB_LAYER/],
      noDsr: /LB_DSR/,
    },
    {
      design: 'new-overlay-nodsr',
      label: /^WS2019 overlay, no DSR: /,
      trace: [/layer SLB_LB_LAYER/, /source NAT to 10\.244\.1\.2 \(the kube-proxy source VIP/],
      noDsr: /rule +LB_DSR_/,
    },
  ])(
    'offers the non-DSR design $design: describe and trace',
    async ({ design, label, trace, noDsr }) => {
      const help = (await run(['describe', '--help'])).out;
      expect(help).toMatch(new RegExp(`--scenario ID .*${design}`));
      const d = await run(['describe', '--scenario', design]);
      expect(d.code).toBe(0);
      expect(d.out).toMatch(label);
      const json = JSON.parse((await run(['describe', '--scenario', design, '--json'])).out) as {
        loadBalancers: { dsr: boolean }[];
      };
      expect(json.loadBalancers.length).toBeGreaterThan(0);
      expect(json.loadBalancers.every((lb) => !lb.dsr)).toBe(true);
      const t = await run([
        'trace',
        '--scenario',
        design,
        '--from',
        'a1',
        '--to',
        'web',
        '--reply',
      ]);
      expect(t.code).toBe(0);
      for (const re of trace) expect(t.out).toMatch(re);
      expect(t.out).not.toMatch(noDsr);
    },
  );

  it('summarises a scenario, and prints hnsviz.parse/1 with --json', async () => {
    const text = await run(['describe', '--scenario', 'old-winnat']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/\d+ nodes, \d+ endpoints/);
    const json = await run(['describe', '--scenario', 'old-winnat', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ format: 'hnsviz.parse/1' });
  });

  it('exits 1 on a dump with error diagnostics, and names them on stderr', async () => {
    const r = await run(['describe', 'garbage.txt'], io({ 'garbage.txt': 'nothing to see here' }));
    expect(r.code).toBe(1);
    expect(r.err).toContain('garbage.txt:1:1: error E_UNKNOWN_FORMAT');
  });
});

describe('hnsviz parse', () => {
  it('prints one hnsviz.parse/1 document and exits 0 on a good dump', async () => {
    const r = await run(['parse', '09-calico-overlay-remotesubnet-fl.txt', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { format: string; networks: { type: string }[] };
    expect(doc.format).toBe('hnsviz.parse/1');
    expect(doc.networks[0]?.type).toBe('overlay');
  });

  it('exits 1 with error diagnostics and still prints the JSON', async () => {
    const r = await run(
      ['parse', 'garbage.txt', '--json'],
      io({ 'garbage.txt': 'nothing to see here' }),
    );
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { diagnostics: { code: string; line: number }[] };
    expect(doc.diagnostics[0]).toMatchObject({ code: 'E_UNKNOWN_FORMAT', line: 1 });
  });

  it('reads standard input for -, named <stdin>, at most once', async () => {
    const dump = readFileSync(path.join(FIXTURES, '09-calico-overlay-remotesubnet-fl.txt'), 'utf8');
    const r = await run(['parse', '-'], io({}, dump));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<stdin>: format-list/);
    expect((await run(['parse', '-', '-'], io({}, dump))).code).toBe(2);
    const noStdin = await run(['parse', '-']);
    expect(noStdin).toMatchObject({ code: 2 });
    expect(noStdin.err).toContain('standard input is not available');
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await run(['parse', '--bogus', 'x'])).code).toBe(2);
    const r = await run(['parse', 'does-not-exist.txt']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read does-not-exist.txt');
  });

  it('prints a human summary with located diagnostics', async () => {
    const r = await run(['parse', '30-rke2-calico-endpoint-fl-acl.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('30-rke2-calico-endpoint-fl-acl.txt: format-list (utf-8), 1 object(s)');
    expect(r.out).toContain('30-rke2-calico-endpoint-fl-acl.txt:16:22: warning W_LIST_TRUNCATED');
  });
});

describe('hnsviz lint', () => {
  it('prints findings as Problem / Evidence / Fix', async () => {
    const r = await run(['lint', '09-calico-overlay-remotesubnet-fl.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /WARNING management-ip-unexpected[\s\S]*Problem:[\s\S]*Evidence:[\s\S]*Fix:/,
    );
  });

  it('prints one JSON document with --json', async () => {
    const r = await run(['lint', '43-flannel-vxlan-hnsdiag-list-all-with-lbs.txt', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { format: string; findings: unknown[] };
    expect(doc.format).toBe('hnsviz.lint/1');
    expect(Array.isArray(doc.findings)).toBe(true);
    expect((await run(['lint', '--json'])).code).toBe(2);
  });
});
