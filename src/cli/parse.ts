/**
 * `hnsviz parse FILE… [--json]`: read HNS dumps and print what was understood.
 * Exit 0 without error diagnostics, 1 with some (the output is still printed), 2 on usage errors.
 */

import { topologyText } from '../parsers/output/canonical';
import { parseInputs, type ParseResult } from '../parsers/index';
import { toParseJson } from '../parsers/output/parse-json';
import { parseFileArgs, readInputs, writer, type CliIo } from './io';

export function diagnosticLines(r: ParseResult): string[] {
  return r.diagnostics.map((d) => {
    const where = d.line > 0 ? `${d.input}:${d.line}:${d.column}` : d.input;
    return `${where}: ${d.severity} ${d.code}: ${d.message}${d.hint ? `\n    hint: ${d.hint}` : ''}`;
  });
}

export function inputLines(r: ParseResult): string[] {
  return r.inputs.map(
    (i) =>
      `${i.name}: ${i.format} (${i.encoding}${i.newline === 'crlf' ? ', CRLF' : ''}), ${i.objects} object(s)`,
  );
}

export function runParse(argv: readonly string[], io: CliIo): number {
  const out = writer(io.stdout);
  const err = writer(io.stderr);
  const args = parseFileArgs('parse', argv);
  if ('usage' in args) {
    (args.help ? out : err)(args.usage + '\n');
    return args.help ? 0 : 2;
  }
  const { inputs, error } = readInputs(args.files, io);
  if (error !== null) {
    err(`hnsviz parse: ${error}\n`);
    return 2;
  }
  const r = parseInputs(inputs);
  const failed = r.diagnostics.some((d) => d.severity === 'error');
  if (args.json) {
    out(JSON.stringify(toParseJson(r), null, 2) + '\n');
  } else {
    const t = r.topology;
    out(
      [
        ...inputLines(r),
        `networks ${Object.keys(t.networks).length}, endpoints ${Object.keys(t.endpoints).length}, load balancers ${Object.keys(t.loadBalancers).length}, VFP ports ${Object.keys(t.ports).length}, rules ${Object.keys(t.rules).length}`,
        '',
        ...topologyText(t),
        '',
        ...(r.diagnostics.length > 0 ? diagnosticLines(r) : ['no diagnostics']),
      ].join('\n') + '\n',
    );
  }
  return failed ? 1 : 0;
}
