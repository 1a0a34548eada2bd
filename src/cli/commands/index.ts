/**
 * The command table: one module per command, listed here in the order `hnsviz --help` shows
 * them. A new command is a new module built with `defineCommand` plus one line below.
 */
import type { Command } from '../command';
import { describeCommand } from './describe';
import { diffCommand } from './diff';
import { lintCommand } from './lint';
import { matrixCommand } from './matrix';
import { parseCommand } from './parse';
import { traceCommand } from './trace';

export const COMMANDS: readonly Command[] = [
  traceCommand,
  matrixCommand,
  describeCommand,
  parseCommand,
  lintCommand,
  diffCommand,
];
