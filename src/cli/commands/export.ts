/**
 * `hnsviz export`: the app's exports, headless. A scenario or dump as an SVG drawing, a Mermaid
 * flowchart or the `hnsviz.model/1` JSON; with `--from/--to`, a traced packet as text,
 * Markdown, an SVG drawing with its path, or the `hnsviz.trace/1` JSON. To stdout, or a file
 * with `-o`. A dump goes out scrubbed, as every export of the app does, unless `--no-scrub`
 * keeps its real data; stderr says which (src/share/privacy.ts has the rule).
 */
import type { Trace } from '../../engine/index';
import { topologyToMermaid } from '../../export/mermaid';
import { topologyToJson } from '../../export/model-json';
import { topologyToSvg } from '../../export/static-svg';
import { traceToMarkdown, traceToText } from '../../export/trace-text';
import { scrubTopologyWith } from '../../model/scrub-topology';
import { randomScrubKey } from '../../share/scrub-view';
import type { Topology } from '../../model/types';
import { choiceOption, defineCommand, UsageError } from '../command';
import { hasErrors } from '../report';
import { loadSource } from '../source';
import { packetOptions, TRACE_OPTIONS, traceOrUsageError } from '../trace-options';

const FORMATS = ['svg', 'mermaid', 'json', 'text', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const TOPOLOGY_FORMATS: readonly Format[] = ['svg', 'mermaid', 'json'];
const TRACE_FORMATS: readonly Format[] = ['text', 'markdown', 'svg', 'json'];

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Write a drawing (SVG), Mermaid, model JSON or a trace transcript, headless.',
  usage: [
    '--scenario ID [--format svg|mermaid|json] [-o FILE]',
    'FILE… [--format svg|mermaid|json] [--no-scrub] [-o FILE]',
    '(--scenario ID | FILE…) --from WHO --to DEST [--format text|markdown|svg|json] [-o FILE]',
  ],
  details: [
    'Without --from/--to: the topology as svg (the default; the drawing as the app lays it out, ' +
      'light theme), mermaid (a flowchart) or json (hnsviz.model/1, which the app reopens).',
    'With --from/--to: the traced packet as text (the default), markdown (a hop table), svg ' +
      '(the drawing with the objects it passes numbered and its path drawn) or json (hnsviz.trace/1).',
    'A dump is scrubbed unless you give --no-scrub: IP and MAC addresses, GUIDs, names (host, ' +
      'pod, network, endpoint, …), DNS suffixes and servers, ACL policy IDs, file names and any ' +
      'other free text are replaced consistently (a fresh key each run), as the app does for every ' +
      'export of a dump; --from/--to may name the real objects and the trace runs on the scrubbed ' +
      'model. --no-scrub writes the real data. stderr says which was done. Built-in scenarios ' +
      'hold nothing private and are written as they are (--scrub scrubs one anyway).',
    'Exit status 1 when a dump has errors or the traced packet is dropped (the export is still written).',
  ],
  options: {
    ...TRACE_OPTIONS,
    format: { type: 'string', short: 'f', value: 'FORMAT', help: FORMATS.join(', ') },
    output: { type: 'string', short: 'o', value: 'FILE', help: 'write to FILE instead of stdout' },
    scrub: {
      type: 'boolean',
      help: 'replace addresses, names and free text (the default for a dump; also scrubs a scenario)',
    },
    'no-scrub': {
      type: 'boolean',
      help: 'keep a dump’s real addresses and names in the output (not for sharing)',
    },
  },
  positionals: { min: 0, max: Infinity },
  examples: [
    'hnsviz export --scenario new-l2bridge -o cluster.svg',
    'hnsviz export node1.json --format mermaid',
    'hnsviz export node1.json --no-scrub -f json -o node1.model.json',
    'hnsviz export --scenario old-winnat --from a1 --to 10.96.10.10:80 --format markdown',
    'hnsviz export node1.json --from 10.244.1.5 --to 10.96.0.10:53 --proto udp -f svg -o drop.svg',
  ],
  run({ values, positionals }, ctx) {
    const traced = values.from !== undefined || values.to !== undefined;
    if (traced && (values.from === undefined || values.to === undefined))
      throw new UsageError('give both --from and --to to export a trace');
    const allowed = traced ? TRACE_FORMATS : TOPOLOGY_FORMATS;
    const format = choiceOption('format', values.format, FORMATS, traced ? 'text' : 'svg');
    if (!allowed.includes(format))
      throw new UsageError(
        traced
          ? `--format ${format} draws the topology; a trace exports as ${TRACE_FORMATS.join(', ')}`
          : `--format ${format} needs a trace (--from and --to)`,
      );
    const packet = packetOptions(values);
    if (values.output !== undefined && !ctx.io.writeFile)
      throw new UsageError('-o: writing files is not available here');
    if (values.scrub === true && values['no-scrub'] === true)
      throw new UsageError('give --scrub or --no-scrub, not both');
    const files = [...(values.dump ?? []), ...positionals];
    const src = loadSource(values.scenario, files, ctx);
    let topology: Topology = src.topology;
    let name = (s: string) => s;
    // The app's rule: a dump leaves scrubbed unless the user explicitly keeps it real.
    const isDump = files.length > 0;
    const scrub = isDump ? values['no-scrub'] !== true : values.scrub === true;
    if (scrub) {
      const scrubbed = scrubTopologyWith(topology, randomScrubKey());
      topology = scrubbed.topology;
      name = scrubbed.mention;
    }
    if (isDump)
      ctx.err(
        scrub
          ? 'export: scrubbed (addresses, names and free text replaced, a fresh key); --no-scrub keeps the real data\n'
          : 'export: NOT scrubbed (--no-scrub): the output holds the dump’s real addresses and names\n',
      );
    const trace: Trace | null = traced
      ? traceOrUsageError(topology, { from: name(values.from!), to: name(values.to!), ...packet })
      : null;
    const text = render(format, topology, trace);
    if (values.output !== undefined) {
      try {
        ctx.io.writeFile!(values.output, text);
      } catch (e) {
        throw new UsageError(
          `cannot write ${values.output}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      ctx.err(`wrote ${values.output} (${format}, ${Buffer.byteLength(text)} bytes)\n`);
    } else ctx.out(text);
    return hasErrors(src) || trace?.verdict === 'dropped' ? 1 : 0;
  },
});

function render(format: Format, topology: Topology, trace: Trace | null): string {
  const nl = (s: string) => (s.endsWith('\n') ? s : s + '\n');
  switch (format) {
    case 'svg':
      return topologyToSvg(topology, { trace });
    case 'mermaid':
      return nl(topologyToMermaid(topology));
    case 'json':
      return nl(trace ? JSON.stringify(trace, null, 2) : topologyToJson(topology));
    case 'text':
      return nl(traceToText(trace!));
    case 'markdown':
      return nl(traceToMarkdown(trace!));
  }
}
