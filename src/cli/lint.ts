/**
 * `hnsviz lint FILE… [--json]`: parse HNS dumps and report findings (Problem → Evidence → Fix).
 * Exit 0 without error diagnostics or error findings, 1 with some, 2 on usage errors.
 */

import { lintTopology } from '../lint/index';
import { parseInputs } from '../parsers/index';
import { diagnosticLines, inputLines } from './parse';
import { parseFileArgs, readInputs, writer, type CliIo } from './io';

export const LINT_FORMAT = 'hnsviz.lint/1';

export function runLint(argv: readonly string[], io: CliIo): number {
  const out = writer(io.stdout);
  const err = writer(io.stderr);
  const args = parseFileArgs('lint', argv);
  if ('usage' in args) {
    (args.help ? out : err)(args.usage + '\n');
    return args.help ? 0 : 2;
  }
  const { inputs, error } = readInputs(args.files, io);
  if (error !== null) {
    err(`hnsviz lint: ${error}\n`);
    return 2;
  }
  const r = parseInputs(inputs);
  const findings = lintTopology(r.topology, { conflicts: r.conflicts, vfpGiven: r.vfpGiven });
  const failed =
    r.diagnostics.some((d) => d.severity === 'error') ||
    findings.some((f) => f.severity === 'error');
  if (args.json) {
    const doc = {
      format: LINT_FORMAT,
      inputs: r.inputs.map((i) => ({ name: i.name, format: i.format, encoding: i.encoding })),
      findings,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        input: d.input,
        line: d.line,
        column: d.column,
        message: d.message,
      })),
    };
    out(JSON.stringify(doc, null, 2) + '\n');
    return failed ? 1 : 0;
  }
  const lines = [...inputLines(r), ''];
  if (findings.length === 0) lines.push('no findings');
  for (const f of findings) {
    lines.push(
      `${f.severity.toUpperCase()} ${f.code}: ${f.title}`,
      `  Problem:  ${f.problem}`,
      `  Evidence: ${f.evidence}`,
      `  Fix:      ${f.fix}`,
      `  Objects:  ${f.objectIds.join(', ') || '-'}`,
      '',
    );
  }
  if (r.diagnostics.length > 0) lines.push('diagnostics:', ...diagnosticLines(r));
  out(lines.join('\n') + '\n');
  return failed ? 1 : 0;
}
