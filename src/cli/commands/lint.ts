/**
 * `hnsviz lint FILE…`: parse HNS dumps and report findings (Problem → Evidence → Fix);
 * `--json`: one `hnsviz.lint/1` document. Exit 1 with error diagnostics or error findings.
 */
import { parseCluster } from '../../cluster/index';
import { lintCluster, onNodes } from '../../lint/index';
import { defineCommand, UsageError } from '../command';
import { readInputs } from '../io';
import { diagnosticLines, hasErrors, inputLines } from '../report';
import { pushAll } from '../../shared/arrays';

export const LINT_FORMAT = 'hnsviz.lint/1';

export const lintCommand = defineCommand({
  name: 'lint',
  summary: 'Check HNS dumps for known misconfigurations (Problem, Evidence, Fix).',
  usage: ['FILE… [--json]'],
  details: [
    'Reads the same files as `hnsviz parse`; - reads standard input.',
    'With several nodes it also checks them against each other (stale remote endpoints, backends differing between nodes, overlay routes, duplicate pod IPs) and names the objects and IPs on each node.',
  ],
  options: {
    json: { type: 'boolean', help: 'print one hnsviz.lint/1 JSON document' },
  },
  positionals: { min: 1, max: Infinity },
  examples: ['hnsviz lint node1-dump.txt', 'hnsviz lint --json *.json'],
  run({ values, positionals }, { io, out }) {
    const { inputs, error } = readInputs(positionals, io);
    if (error !== null) throw new UsageError(error);
    const r = parseCluster(inputs);
    const findings = lintCluster(r);
    const failed = hasErrors(r) || findings.some((f) => f.severity === 'error');
    if (values.json) {
      const doc = {
        format: LINT_FORMAT,
        inputs: r.inputs.map((i) => ({ name: i.name, format: i.format, encoding: i.encoding })),
        nodes: r.nodes.map((n) => ({ id: n.id, name: n.name, managementIp: n.managementIp })),
        findings: findings.map((f) => ({ ...f, nodes: onNodes(r.topology, f) })),
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
      );
      if (r.nodes.length > 1)
        for (const n of onNodes(r.topology, f))
          lines.push(
            `  On ${n.name}: ${n.objects.map((o) => (o.ips.length > 0 ? `${o.id} (${o.ips.join(', ')})` : o.id)).join(', ')}`,
          );
      else lines.push(`  Objects:  ${f.objectIds.join(', ') || '-'}`);
      lines.push('');
    }
    if (r.diagnostics.length > 0) {
      lines.push('diagnostics:');
      pushAll(lines, diagnosticLines(r));
    }
    out(lines.join('\n') + '\n');
    return failed ? 1 : 0;
  },
});
