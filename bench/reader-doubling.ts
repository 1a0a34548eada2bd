/**
 * Every reader is linear in its input: each rendering a user may paste is written with N and
 * 2N endpoints, and `parseInputs` of the 2N text takes `readerDoubling[rendering]` times as
 * long as the N text (medians of interleaved runs, one process; ~2 is linear, 4 quadratic).
 * Reported, not asserted: the figures depend on the machine's load, the ratio much less.
 * `readerDoublingObjects` is what the 2N text gave, so a generator the reader does not take
 * (and that would time nothing) shows as a count below 2N.
 * bench/hostile-bench.ts calls `runReaderDoubling()`; alone: `node --import tsx bench/reader-doubling.ts`.
 */
import { parseInputs } from '../src/parsers/index';
import { gcFn, median, round as r, timeMs as time } from './measure';

const NET = '1e700000-0000-4000-8000-000000000001';
const guid = (i: number): string => `e9000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const ip = (i: number): string => `10.${128 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;

const endpoint = (i: number) => ({
  ID: guid(i),
  Name: `ep-${i}`,
  VirtualNetwork: NET,
  IPAddress: ip(i),
  MacAddress: `00-15-5D-00-${((i >> 8) & 255).toString(16).padStart(2, '0')}-${(i & 255).toString(16).padStart(2, '0')}`,
});
const endpoints = (n: number) => Array.from({ length: n }, (_, i) => endpoint(i));

/** One text per rendering, each holding `n` endpoints. */
export const RENDERINGS: Record<string, (n: number) => string> = {
  'json-pretty': (n) => JSON.stringify(endpoints(n), null, 4),
  'json-minified': (n) => JSON.stringify(endpoints(n)),
  'json-after-prompt': (n) =>
    `PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Compress\r\n${JSON.stringify(endpoints(n))}\r\n`,
  'log-json': (n) =>
    endpoints(n)
      .map((e) => `I1203 10:00:00.000000 1 proxier.go:1] endpoint ${JSON.stringify(e)}`)
      .join('\n'),
  'escaped-json': (n) =>
    endpoints(n)
      .map(
        (e) => `E1203 10:00:00 1 hns.go:1] "failed" ep="${JSON.stringify(e).replace(/"/g, '\\"')}"`,
      )
      .join('\n'),
  'format-list': (n) =>
    `PS C:\\> Get-HnsEndpoint\n\n${endpoints(n)
      .map((e) =>
        Object.entries(e)
          .map(([k, v]) => `${k.padEnd(15)}: ${v}`)
          .join('\n'),
      )
      .join('\n\n')}\n`,
  'hnsdiag-table': (n) =>
    [
      'Endpoints:',
      'Name                 ID                                   Virtual Network Name',
      ...Array.from({ length: n }, (_, i) => `ep-${i}  ${guid(i)}  cbr0`),
    ].join('\n'),
  'ps-table': (n) =>
    [
      'PS C:\\> Get-HnsEndpoint | Format-Table ID, Name, IPAddress',
      '',
      `${'ID'.padEnd(37)}${'Name'.padEnd(10)}IPAddress`,
      `${'--'.padEnd(37)}${'----'.padEnd(10)}---------`,
      ...Array.from(
        { length: n },
        (_, i) => `${guid(i).padEnd(37)}${`ep-${i}`.padEnd(10)}${ip(i)}`,
      ),
    ].join('\n'),
  'go-struct': (n) =>
    Array.from(
      { length: n },
      (_, i) => `I1203 10:00:00 x.go:1] endpoint &{Id:${guid(i)} Name:ep-${i} IPAddress:${ip(i)}}`,
    ).join('\n'),
  'vfpctrl-rules': (n) =>
    [
      `vfpctrl /port ${guid(0)} /layer ACL_ENDPOINT_LAYER /list-rule`,
      ' ITEM LIST',
      '===========',
      '',
      '  GROUP : ACL_ENDPOINT_GROUP_IPV4_OUT',
      '      Friendly name : ACL_ENDPOINT_GROUP_IPV4_OUT',
      '      Priority : 1',
      '      Direction : OUT',
      '      Type : IPv4',
      '        Conditions:',
      '            <none>',
      '      Match type : Priority-based match',
      '',
      ...Array.from({ length: n }, (_, i) =>
        [
          `    RULE : RULE-${i}`,
          `        Friendly name : rule-${i}`,
          `        Priority : ${100 + i}`,
          '        Flags : 8195 terminating stateful ',
          '        Type : allow',
          '        Conditions:',
          `            Destination IP : ${ip(i)}`,
          '',
        ].join('\n'),
      ),
    ].join('\n'),
};

export interface ReaderDoublingResult {
  /** Per rendering: time(2N) / time(N). */
  readonly readerDoubling: Record<string, number>;
  /** The largest of them. */
  readonly readerDoublingMax: number;
  /** Objects (or vfpctrl blocks) read from the 2N text, per rendering. */
  readonly readerDoublingObjects: Record<string, number>;
  /** N. */
  readonly readerDoublingN: number;
}

export function runReaderDoubling(n = 8000, runs = 5): ReaderDoublingResult {
  const gc = gcFn();
  const parse = (text: string) =>
    parseInputs([{ name: 'paste.txt', text }], { deriveVfp: false }).inputs[0]?.objects ?? 0;
  const ratios: Record<string, number> = {};
  const objects: Record<string, number> = {};
  for (const [name, make] of Object.entries(RENDERINGS)) {
    const one = make(n);
    const two = make(2 * n);
    parse(one); // warm-up
    objects[name] = parse(two);
    const t1: number[] = [];
    const t2: number[] = [];
    for (let k = 0; k < runs; k++) {
      gc();
      t1.push(time(() => parse(one)));
      gc();
      t2.push(time(() => parse(two)));
    }
    ratios[name] = r(median(t2) / median(t1), 2);
  }
  return {
    readerDoubling: ratios,
    readerDoublingMax: Math.max(...Object.values(ratios)),
    readerDoublingObjects: objects,
    readerDoublingN: n,
  };
}

if (process.argv[1]?.endsWith('reader-doubling.ts'))
  console.log(JSON.stringify(runReaderDoubling(), null, 2));
