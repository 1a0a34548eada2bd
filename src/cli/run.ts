/**
 * `hnsviz [--help | --version] <command> [options]`: find the command in the table and run it.
 * Global flags are read only before the command name; everything after belongs to the command.
 */
import type { Command } from './command';
import { COMMANDS } from './commands/index';
import { writer, type CliIo } from './io';
import { VERSION } from './version';
import { maxOf } from '../shared/arrays';

export function globalHelp(commands: readonly Command[] = COMMANDS): string {
  const width = maxOf(commands.map((c) => c.name.length));
  return [
    'usage: hnsviz <command> [options]',
    '       hnsviz <command> --help',
    '       hnsviz --version',
    '',
    'See how packets move through Kubernetes networking on Windows nodes (HNS, vSwitch, VFP).',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'exit status: 0 done, 1 done but the result is bad, 2 bad usage or input',
    '',
  ].join('\n');
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const out = writer(io.stdout);
  const err = writer(io.stderr);
  const [first, ...rest] = argv;
  if (first === undefined) {
    err(globalHelp(commands));
    return 2;
  }
  if (first === '--help' || first === '-h') {
    out(globalHelp(commands));
    return 0;
  }
  if (first === '--version' || first === '-V') {
    out(`${VERSION}\n`);
    return 0;
  }
  if (first === 'help') {
    const cmd = rest[0] === undefined ? undefined : commands.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !cmd) {
      err(`hnsviz: unknown command '${rest[0]}'\nrun 'hnsviz --help' for the list\n`);
      return 2;
    }
    out(cmd ? await cmd.help() : globalHelp(commands));
    return 0;
  }
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) {
    const what = first.startsWith('-') ? 'unknown option' : 'unknown command';
    err(`hnsviz: ${what} '${first}'\nrun 'hnsviz --help' for the list of commands\n`);
    return 2;
  }
  return cmd.main(rest, io);
}
