/**
 * `hnsviz parse FILE…`: read HNS dumps and print what was understood (`--json`: one
 * `hnsviz.parse/1` document). Exit 1 when there are error diagnostics (the output is still printed).
 */
import { topologyText } from '../../parsers/output/canonical';
import { parseInputs } from '../../parsers/index';
import { toParseJson } from '../../parsers/output/parse-json';
import { defineCommand, UsageError } from '../command';
import { readInputs } from '../io';
import { diagnosticLines, hasErrors, inputLines } from '../report';

export const parseCommand = defineCommand({
  name: 'parse',
  summary: 'Read HNS dumps and print what was understood.',
  usage: ['FILE… [--json]'],
  details: [
    'FILE is any dump a Windows node prints (Get-HnsNetwork/Endpoint/Policy, hnsdiag, vfpctrl, route print, ipconfig /all …), as JSON, Format-List or text, in any encoding; - reads standard input.',
  ],
  options: {
    json: { type: 'boolean', help: 'print one hnsviz.parse/1 JSON document' },
  },
  positionals: { min: 1, max: Infinity },
  examples: [
    'hnsviz parse hns-endpoints.json hns-networks.json',
    'Get-HnsEndpoint | hnsviz parse -',
  ],
  run({ values, positionals }, { io, out }) {
    const { inputs, error } = readInputs(positionals, io);
    if (error !== null) throw new UsageError(error);
    const r = parseInputs(inputs);
    if (values.json) {
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
    return hasErrors(r) ? 1 : 0;
  },
});
