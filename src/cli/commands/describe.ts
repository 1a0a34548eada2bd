/**
 * `hnsviz describe`: a one-line summary of a scenario or dump, or (`--json`) the same
 * `hnsviz.parse/1` document as `hnsviz parse --json`. Exit 1 when a dump has error diagnostics.
 */
import { vfpRuleCount } from '../../model/vfp-rules';
import { toParseJson } from '../../parsers/output/parse-json';
import { defineCommand } from '../command';
import { hasErrors } from '../report';
import { loadSource, SOURCE_OPTIONS } from '../source';

export const describeCommand = defineCommand({
  name: 'describe',
  summary: 'Summarise a scenario or dump (counts, or the hnsviz.parse/1 document).',
  usage: ['--scenario ID [--json]', 'FILE… [--json]'],
  options: {
    ...SOURCE_OPTIONS,
    json: { type: 'boolean', help: 'print one hnsviz.parse/1 JSON document' },
  },
  positionals: { min: 0, max: Infinity },
  examples: ['hnsviz describe --scenario old-winnat --json', 'hnsviz describe node1.json'],
  run({ values, positionals }, ctx) {
    const src = loadSource(values.scenario, [...(values.dump ?? []), ...positionals], ctx);
    const t = src.topology;
    ctx.out(
      (values.json
        ? JSON.stringify(toParseJson(src), null, 2)
        : `${t.title}\n${t.nodeIds.length} nodes, ${Object.keys(t.endpoints).length} endpoints, ${Object.keys(t.loadBalancers).length} load balancers, ${vfpRuleCount(t)} VFP rules`) +
        '\n',
    );
    return hasErrors(src) ? 1 : 0;
  },
});
