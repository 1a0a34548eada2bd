/**
 * The command table, in the order `hnsviz --help` shows them. Each command is its own module,
 * built with `defineCommand`, and is imported only when it runs (`lazyCommand`): the built CLI
 * keeps each in its own chunk, so `--version` and `--help` load none of the engine.
 * A new command is a new module plus one line below (its summary repeated: a test compares).
 */
import { lazyCommand, type Command } from '../command';

export const COMMANDS: readonly (Command & { readonly load: () => Promise<Command> })[] = [
  lazyCommand(
    'trace',
    'Trace a packet hop by hop and rule by rule.',
    async () => (await import('./trace')).traceCommand,
  ),
  lazyCommand(
    'matrix',
    'Who can reach whom: every source against every destination, and the deciding rule.',
    async () => (await import('./matrix')).matrixCommand,
  ),
  lazyCommand(
    'describe',
    'Summarise a scenario or dump (counts, or the hnsviz.parse/1 document).',
    async () => (await import('./describe')).describeCommand,
  ),
  lazyCommand(
    'parse',
    'Read HNS dumps and print what was understood.',
    async () => (await import('./parse')).parseCommand,
  ),
  lazyCommand(
    'lint',
    'Check HNS dumps for known misconfigurations (Problem, Evidence, Fix).',
    async () => (await import('./lint')).lintCommand,
  ),
  lazyCommand(
    'export',
    'Write a drawing (SVG), Mermaid, model JSON or a trace transcript, headless.',
    async () => (await import('./export')).exportCommand,
  ),
  lazyCommand(
    'serve',
    'Serve the viewer locally (offline) and print its address.',
    async () => (await import('./serve')).serveCommand,
  ),
  lazyCommand(
    'diff',
    'Show what changed between two snapshots (objects, fields, VFP rules, a trace).',
    async () => (await import('./diff')).diffCommand,
  ),
];
