import { describe, expect, it } from 'vitest';
import { escapeControls, writer } from './io';
import { runCli } from './run';

describe('terminal escape sequences from dumps', () => {
  it('are printed visibly, never passed to the terminal', () => {
    expect(escapeControls('a\u001b]0;pwned\u0007b\tc\nd\re\u009b2J')).toBe(
      'a\\x1b]0;pwned\\x07b\tc\nd\\x0de\\u009b2J',
    );
    let seen = '';
    writer((t) => (seen += t))('\u001b[2J');
    expect(seen).toBe('\\x1b[2J');
  });

  it('are escaped the same whatever the pieces a command writes (matrix output in pieces)', () => {
    const text = 'a\u001b]0;t\u0007b\u009bc\u007f\u0000d';
    let whole = '';
    writer((t) => (whole += t))(text);
    for (let k = 0; k <= text.length; k++) {
      let seen = '';
      const w = writer((t) => (seen += t));
      w(text.slice(0, k));
      w(text.slice(k));
      expect(seen).toBe(whole);
    }
  });

  it('keep JSON output valid', () => {
    const text = escapeControls(JSON.stringify({ name: 'x\u007f\u009by' }));
    expect(JSON.parse(text)).toEqual({ name: 'x\u007f\u009by' });
  });

  it('lint of a dump with ESC in its names prints no ESC', async () => {
    const dump = JSON.stringify([
      {
        ID: 'aaaaaaaa-0000-4000-8000-000000000001',
        Name: 'net\u001b]0;title\u0007',
        Type: 'L2Bridge',
        Subnets: [{ AddressPrefix: '10.0.0.0/24' }],
      },
    ]);
    let out = '';
    const io = {
      stdout: (t: string) => (out += t),
      stderr: (t: string) => (out += t),
      readFile: () => new TextEncoder().encode(dump),
    };
    // The file name is printed as given (in the summary and in diagnostics).
    await runCli(['lint', 'dump\u001b]0;title\u0007.json'], io);
    expect(out).toContain('\\x1b]0;title');
    // eslint-disable-next-line no-control-regex -- asserting no control character is printed
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('no command prints a control character of a dump’s names, ACL IDs or file name', async () => {
    const net = 'aaaaaaaa-0000-4000-8000-000000000001';
    const dump = JSON.stringify([
      {
        ID: net,
        Name: 'cbr0\u0007',
        Type: 'L2Bridge',
        Subnets: [{ AddressPrefix: '10.0.0.0/24' }],
      },
      ...[5, 6].map((k) => ({
        ID: `bbbbbbbb-0000-4000-8000-00000000000${k}`,
        Name: `ep${k}\u001b]0;title\u0007`,
        VirtualNetwork: net,
        IPAddress: `10.0.0.${k}`,
        PrefixLength: 24,
        Policies: [
          {
            Type: 'ACL',
            Id: 'acl\u001b[2J\u001b[H',
            Action: 'Block',
            Direction: 'In',
            Priority: 100,
          },
        ],
      })),
    ]);
    const file = 'dump\u001b[8m.json';
    const packet = ['--from', '10.0.0.5', '--to', '10.0.0.6:80'];
    const runs: string[][] = [
      ['parse', file],
      ['lint', file],
      ['describe', file],
      ['trace', file, ...packet],
      ['export', file, ...packet, '--no-scrub', '-f', 'text'],
      ['export', file, ...packet, '--no-scrub', '-f', 'markdown'],
      ['export', file, '--no-scrub', '-f', 'mermaid'],
      ['matrix', file],
      ['matrix', file, '--csv'],
      ['matrix', file, '--json'],
      ['diff', file, file],
    ];
    for (const argv of runs) {
      let out = '';
      const io = {
        stdout: (t: string) => (out += t),
        stderr: (t: string) => (out += t),
        readFile: () => new TextEncoder().encode(dump),
      };
      await runCli(argv, io);
      expect(out.length, argv[0]).toBeGreaterThan(0);
      // eslint-disable-next-line no-control-regex -- asserting no control character is printed
      expect(out, argv.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});
