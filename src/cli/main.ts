/**
 * Entry of the built CLI (dist/cli.mjs; bin/hnsviz.mjs calls `main`). Also the `hnsviz/cli`
 * export: `runCli(argv, io)` runs a command in-process with your own stdout/stderr/files.
 */
import { nodeIo } from './io';
import { runCli } from './run';

export { runCli, globalHelp } from './run';
export { COMMANDS } from './commands/index';
export { defineCommand, UsageError, type Command } from './command';
export type { CliIo, Sink } from './io';
export { VERSION } from './version';

/** Run with the real process streams and files; resolves to the exit code. */
export function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, nodeIo());
}
