/**
 * `hnsviz matrix`: who can reach whom. Every source (pods, hosts, the external client) against
 * every destination (services, NodePorts, externalIPs, pods, kube-dns, the internet), traced by
 * equivalence classes across worker threads. Text (drops and counts), `--csv`, or `--json`:
 * one `hnsviz.matrix/1` document. With `--expect FILE` (allow/deny pairs), exit 1 when an
 * allowed pair is dropped or a denied pair is delivered.
 */
import {
  checkExpectations,
  chunked,
  ExpectFileError,
  matrixCounts,
  matrixCsvChunks,
  matrixJsonChunks,
  matrixTextLines,
  parseExpectFile,
  planMatrix,
} from '../../engine/matrix/index';
import { defineCommand, intOption, UsageError } from '../command';
import { computeMatrixPool, defaultWorkers } from '../matrix-pool';
import { loadSource, SOURCE_OPTIONS } from '../source';

export const matrixCommand = defineCommand({
  name: 'matrix',
  summary: 'Who can reach whom: every source against every destination, and the deciding rule.',
  usage: ['--scenario ID [options]', 'FILE… [options]'],
  details: [
    'Rows: pods (or a dump’s pod endpoints), each node’s host, the external client. Columns: ' +
      'service VIP:port/proto, NodePorts on every node, externalIPs, pods on the ports their ' +
      'services target and their ACLs open, kube-dns, the internet. Each cell is a packet and its ' +
      'reply: delivered, dropped, or assumed (it left what the dump holds), with the rule that ' +
      'decided (layer, group, rule, priority) and the backend reached.',
    '--expect FILE: one pair per line, `allow SOURCE DESTINATION` or `deny SOURCE DESTINATION` ' +
      '(# comments; SOURCE: id, label, pod/node name or IP; DESTINATION: id, label, ip:port[/proto], ' +
      'or ip for ICMP; * for all). Exit 1 when an allowed pair is dropped or a denied pair is ' +
      'delivered; the violations go to stderr.',
  ],
  options: {
    ...SOURCE_OPTIONS,
    'only-drops': {
      type: 'boolean',
      help: 'list only dropped cells (sources and destinations stay)',
    },
    json: { type: 'boolean', help: 'print one hnsviz.matrix/1 JSON document' },
    csv: { type: 'boolean', help: 'print one CSV line per cell' },
    expect: {
      type: 'string',
      value: 'FILE',
      help: 'allow/deny pairs to check; exit 1 on a violation',
    },
    workers: { type: 'string', value: 'N', help: 'worker threads (default: available CPUs)' },
    seed: { type: 'string', value: 'N', help: 'seed for backend choice and NAT ports (default 1)' },
  },
  positionals: { min: 0, max: Infinity },
  examples: [
    'hnsviz matrix --scenario new-l2bridge --only-drops',
    'hnsviz matrix node1/ node2/ --json > matrix.json',
    'hnsviz matrix --scenario new-overlay --expect policy.txt',
  ],
  async run({ values, positionals }, ctx) {
    if (values.json && values.csv) throw new UsageError('give --json or --csv, not both');
    const workers = intOption('workers', values.workers, 1, 256) ?? defaultWorkers();
    const seed = intOption('seed', values.seed, 0, 2 ** 31) ?? 1;
    let expectations = null;
    if (values.expect !== undefined) {
      let text: string;
      try {
        text = new TextDecoder().decode(ctx.io.readFile(values.expect));
      } catch (e) {
        throw new UsageError(`--expect: cannot read ${values.expect}: ${(e as Error).message}`);
      }
      try {
        expectations = parseExpectFile(text);
      } catch (e) {
        if (e instanceof ExpectFileError)
          throw new UsageError(`--expect ${values.expect}: ${e.message}`);
        throw e;
      }
    }
    const { topology } = loadSource(values.scenario, [...(values.dump ?? []), ...positionals], ctx);
    const plan = planMatrix(topology, seed);
    const m = await computeMatrixPool(topology, plan, workers);
    const opts = { onlyDrops: values['only-drops'] === true };
    let violations = null;
    if (expectations) {
      try {
        violations = checkExpectations(m, expectations);
      } catch (e) {
        if (e instanceof ExpectFileError)
          throw new UsageError(`--expect ${values.expect}: ${e.message}`);
        throw e;
      }
    }
    // In pieces: a big dump's matrix (a million cells and more) is longer than a string can be.
    const pieces = values.json
      ? matrixJsonChunks(m, opts)
      : values.csv
        ? matrixCsvChunks(m, opts)
        : chunked(matrixTextLines(m, opts, matrixCounts(m)), '\n');
    for (const piece of pieces) ctx.out(piece);
    if (!violations) return 0;
    for (const v of violations)
      ctx.err(
        `expect line ${v.expectation.line}: ${v.expectation.expect} ${v.source.label} -> ${v.destination.label}, ` +
          `but ${v.cell.verdict}: ${v.cell.reason}${v.cell.rule ? ` (${v.cell.layer} / ${v.cell.rule})` : ''}\n`,
      );
    if (violations.length) ctx.err(`${violations.length} expectation(s) violated\n`);
    return violations.length ? 1 : 0;
  },
});
