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
});
