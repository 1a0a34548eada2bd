/**
 * `hnsviz parse FILE…`: read HNS dumps and print what was understood (`--json`: one
 * `hnsviz.parse/1` document). Exit 1 when there are error diagnostics (the output is still printed).
 */
import { vfpRuleCount } from '../../model/vfp-rules';
import { topologyText } from '../../parsers/output/canonical';
import { parseCluster } from '../../cluster/index';
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
    "Several nodes: give every node's files, folders (one per node) or a zip; each input is attributed to a node by evidence (collector header, host name, node IP, folder) and hnsviz.parse/1 lists the nodes.",
  ],
  options: {
    json: { type: 'boolean', help: 'print one hnsviz.parse/1 JSON document' },
  },
  positionals: { min: 1, max: Infinity },
  examples: [
    'hnsviz parse hns-endpoints.json hns-networks.json',
    'Get-HnsEndpoint | hnsviz parse -',
    'hnsviz parse --json hnsviz-win-a.txt hnsviz-win-b.txt',
  ],
  run({ values, positionals }, { io, out }) {
    const { inputs, error } = readInputs(positionals, io);
    if (error !== null) throw new UsageError(error);
    const r = parseCluster(inputs);
    if (values.json) {
      out(JSON.stringify(toParseJson(r), null, 2) + '\n');
    } else {
      const t = r.topology;
      out(
        [
          ...inputLines(r),
          ...(r.nodes.length > 1
            ? r.nodes.map(
                (n) =>
                  `node ${n.name} (${n.id}, ${n.managementIp ?? 'no IP'}): ${n.inputs.join(', ')}`,
              )
            : []),
          `networks ${Object.keys(t.networks).length}, endpoints ${Object.keys(t.endpoints).length}, load balancers ${Object.keys(t.loadBalancers).length}, VFP ports ${Object.keys(t.ports).length}, rules ${vfpRuleCount(t)}`,
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
