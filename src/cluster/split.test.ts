import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCluster } from './index';
import { lineAt, lineCount, splitText, suggestSplits } from './split';

const text = (f: string): string =>
  readFileSync(new URL(`./__fixtures__/${f}`, import.meta.url), 'utf8');

/** `Get-HnsNetwork | ConvertTo-Json` of a host, as PowerShell 5.1 prints it. */
const networks = (prompt: string, ip: string, prefix: string): string =>
  [
    `${prompt}Get-HnsNetwork | ConvertTo-Json -Depth 10`,
    '[',
    '    {',
    '        "Name":  "cbr0",',
    '        "Type":  "L2Bridge",',
    `        "ManagementIP":  "${ip}",`,
    `        "Subnets":  [ { "AddressPrefix":  "${prefix}", "GatewayAddress":  "${prefix.replace(/0\/24$/, '1')}" } ]`,
    '    }',
    ']',
    '',
  ].join('\r\n');
const endpoints = (prompt: string): string =>
  [
    `${prompt}Get-HnsEndpoint | ConvertTo-Json -Depth 10`,
    '[',
    '    { "Name":  "x" }',
    ']',
    '',
  ].join('\r\n');

describe('suggestSplits', () => {
  it('finds nothing to split in one node’s collector file', () => {
    for (const f of ['l2bridge-win-a.txt', 'l2bridge-win-b.txt', 'overlay-win-a.txt'])
      expect(suggestSplits(text(f)), f).toEqual([]);
  });

  it('two collector files back to back: at the second header', () => {
    const a = text('l2bridge-win-a.txt');
    const both = a + text('l2bridge-win-b.txt');
    const at = lineCount(a) + 1;
    expect(suggestSplits(both)).toEqual([
      {
        line: at,
        kind: 'collector-header',
        value: 'WIN-B',
        detail: `line ${at}: collector header: on WIN-B`,
        strong: true,
      },
    ]);
    expect(lineAt(both, at)).toMatch(/^# hnsviz collector 1 on WIN-B at /);
  });

  it('Get-HnsNetwork of two hosts one after the other: at the second prompt, by ManagementIP', () => {
    const a = networks('PS C:\\> ', '10.0.0.4', '10.244.1.0/24') + endpoints('PS C:\\> ');
    const b = networks('PS C:\\> ', '10.0.0.5', '10.244.2.0/24') + endpoints('PS C:\\> ');
    const s = suggestSplits(a + b);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      line: lineCount(a) + 1,
      kind: 'management-ip',
      value: '10.0.0.5',
    });
    expect(s[0]!.detail).toMatch(/ManagementIP 10\.0\.0\.5 \(line 6 says 10\.0\.0\.4\)/);
  });

  it('JSON documents without prompts: at the second document', () => {
    const a = networks('', '10.0.0.4', '10.244.1.0/24').split('\r\n').slice(1).join('\n');
    const b = networks('', '10.0.0.5', '10.244.2.0/24').split('\r\n').slice(1).join('\n');
    expect(suggestSplits(a + b).map((x) => [x.line, x.kind])).toEqual([
      [lineCount(a) + 1, 'management-ip'],
    ]);
  });

  it('remoting prompts name the host: at the first prompt of the other host', () => {
    const a =
      endpoints('[win-a]: PS C:\\> ') + networks('[win-a]: PS C:\\> ', '10.0.0.4', '10.244.1.0/24');
    const b = endpoints('[win-b]: PS C:\\> ');
    expect(suggestSplits(a + b).map((x) => [x.line, x.kind, x.value])).toEqual([
      [lineCount(a) + 1, 'host-name', 'win-b'],
    ]);
  });

  it('ipconfig at the end of one node and the next node’s output after it', () => {
    const ipconfig = (host: string) =>
      [
        'PS C:\\> ipconfig /all',
        '',
        'Windows IP Configuration',
        '',
        `   Host Name . . . . . . . . . . . . : ${host}`,
        '',
      ].join('\n');
    const a = networks('PS C:\\> ', '10.0.0.4', '10.244.1.0/24') + ipconfig('WIN-A');
    const b = networks('PS C:\\> ', '10.0.0.5', '10.244.2.0/24') + ipconfig('WIN-B');
    const s = suggestSplits(a + b);
    expect(s.map((x) => x.line)).toEqual([lineCount(a) + 1]);
    expect(s[0]!.strong).toBe(true);
  });

  it('the same command twice with nothing naming another node: a weak suggestion only', () => {
    const a = endpoints('PS C:\\> ');
    const s = suggestSplits(a + a);
    expect(s).toEqual([
      expect.objectContaining({ line: lineCount(a) + 1, kind: 'repeated-command', strong: false }),
    ]);
  });

  it('three nodes: two splits, each where its node begins', () => {
    const parts = ['l2bridge-win-a.txt', 'l2bridge-win-b.txt'].map(text);
    const c = parts[1]!.replace(/WIN-B/g, 'WIN-C').replace(/10\.0\.0\.5/g, '10.0.0.6');
    const s = suggestSplits(parts[0]! + parts[1]! + c);
    expect(s.map((x) => x.value)).toEqual(['WIN-B', 'WIN-C']);
    expect(s[1]!.line).toBe(lineCount(parts[0]!) + lineCount(parts[1]!) + 1);
  });
});

describe('splitText', () => {
  it('cuts before the given lines, keeps every byte and names the parts by their lines', () => {
    const t = 'one\r\ntwo\r\nthree\r\nfour\r\n';
    const parts = splitText('paste', t, [3, 3, 1, 99, 2.5]);
    expect(parts).toEqual([
      { name: 'paste (lines 1–2)', text: 'one\r\ntwo\r\n' },
      { name: 'paste (lines 3–4)', text: 'three\r\nfour\r\n' },
    ]);
    expect(splitText('paste', t, [])).toEqual([{ name: 'paste', text: t }]);
  });

  it('two collector files pasted as one: split at the suggestion, read as two nodes', () => {
    const both = text('l2bridge-win-a.txt') + text('l2bridge-win-b.txt');
    const one = parseCluster([{ name: 'paste', text: both }]);
    expect(one.nodes).toHaveLength(1);
    const parts = splitText(
      'paste',
      both,
      suggestSplits(both).map((s) => s.line),
    );
    const two = parseCluster(parts);
    expect(two.nodes.map((n) => [n.name, n.managementIp, n.inputs])).toEqual([
      ['WIN-A', '10.0.0.4', [parts[0]!.name]],
      ['WIN-B', '10.0.0.5', [parts[1]!.name]],
    ]);
    expect(two.stitches.filter((s) => s.status === 'linked').length).toBeGreaterThan(0);
  });
});
