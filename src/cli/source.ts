/**
 * What `trace`, `describe` and `export` work on: a built-in scenario (`--scenario ID`) or dump
 * files (positional, `--dump FILE`, or both; `-` is standard input). A scenario is just another
 * source, described the same way as a dump.
 */
import { buildScenario, isScenarioId, SCENARIO_IDS } from '../scenarios/index';
import { parseCluster, type ClusterResult } from '../cluster/index';
import { UsageError, type CommandContext, type OptionSpec } from './command';
import { readInputs } from './io';
import { diagnosticLines } from './report';

export const SOURCE_OPTIONS = {
  scenario: {
    type: 'string',
    value: 'ID',
    help: `a built-in scenario: ${SCENARIO_IDS.join(', ')}`,
  },
  dump: {
    type: 'string',
    multiple: true,
    value: 'FILE',
    help: 'a dump file, folder (one per node) or zip to read (same as giving it as an argument; - is standard input); repeat for several nodes',
  },
} as const satisfies Record<string, OptionSpec>;

export type Source = Pick<ClusterResult, 'topology' | 'inputs' | 'diagnostics'> &
  Partial<Pick<ClusterResult, 'nodes'>>;

/**
 * Resolve the source. Problems in a dump are printed to stderr and the command goes on with what
 * was understood; unreadable files and a missing or doubled source are usage errors.
 */
export function loadSource(
  scenario: string | undefined,
  files: readonly string[],
  ctx: CommandContext,
): Source {
  if (files.length > 0) {
    if (scenario !== undefined) throw new UsageError('give --scenario or dump files, not both');
    const { inputs, error } = readInputs(files, ctx.io);
    if (error !== null) throw new UsageError(error);
    const result = parseCluster(inputs);
    for (const line of diagnosticLines(result)) ctx.err(line + '\n');
    return result;
  }
  if (scenario === undefined) throw new UsageError('give --scenario ID or one or more dump files');
  if (!isScenarioId(scenario))
    throw new UsageError(
      `--scenario: unknown scenario '${scenario}' (one of ${SCENARIO_IDS.join(', ')})`,
    );
  const topology = buildScenario(scenario);
  const objects = Object.keys(topology.networks).length + Object.keys(topology.endpoints).length;
  return {
    topology,
    inputs: [
      {
        name: `scenario:${scenario}`,
        format: 'scenario',
        encoding: 'none',
        newline: 'none',
        objects,
      },
    ],
    diagnostics: [],
  };
}
