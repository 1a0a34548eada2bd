/**
 * `hnsviz lint FILE…`: parse HNS dumps and report findings (Problem → Evidence → Fix);
 * `--json`: one `hnsviz.lint/1` document. Exit 1 with error diagnostics or error findings.
 */
import { lintTopology } from '../../lint/index';
import { parseInputs } from '../../parsers/index';
import { defineCommand, UsageError } from '../command';
import { readInputs } from '../io';
import { diagnosticLines, hasErrors, inputLines } from '../report';

export const LINT_FORMAT = 'hnsviz.lint/1';

export const lintCommand = defineCommand({
  name: 'lint',
  summary: 'Check HNS dumps for known misconfigurations (Problem, Evidence, Fix).',
  usage: ['FILE… [--json]'],
  details: ['Reads the same files as `hnsviz parse`; - reads standard input.'],
  options: {
    json: { type: 'boolean', help: 'print one hnsviz.lint/1 JSON document' },
  },
  positionals: { min: 1, max: Infinity },
  examples: ['hnsviz lint node1-dump.txt', 'hnsviz lint --json *.json'],
  run({ values, positionals }, { io, out }) {
    const { inputs, error } = readInputs(positionals, io);
    if (error !== null) throw new UsageError(error);
    const r = parseInputs(inputs);
    const findings = lintTopology(r.topology, { conflicts: r.conflicts, vfpGiven: r.vfpGiven });
    const failed = hasErrors(r) || findings.some((f) => f.severity === 'error');
    if (values.json) {
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
  },
});
