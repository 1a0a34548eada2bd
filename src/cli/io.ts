/**
 * What a command needs from the process. `nodeIo()` gives the real one; tests pass their own,
 * so every command runs in-process without touching the file system or the terminal.
 */
import { readFileSync } from 'node:fs';

export type Sink = ((text: string) => void) | { write(text: string): unknown };

export interface CliIo {
  readonly stdout: Sink;
  readonly stderr: Sink;
  readonly readFile: (path: string) => Uint8Array;
  /** All of standard input (for the file name `-`). */
  readonly readStdin?: () => Uint8Array;
}

export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readFile: (path) => readFileSync(path),
    readStdin: () => readFileSync(0),
  };
}

export function writer(s: Sink): (text: string) => void {
  return typeof s === 'function' ? s : (text) => void s.write(text);
}

/** The name `-` stands for standard input; it is shown as `<stdin>` in messages. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/**
 * Read every named file (`-` is standard input, at most once). Stops at the first file that
 * cannot be read and says which.
 */
export function readInputs(
  files: readonly string[],
  io: CliIo,
): { inputs: { name: string; bytes: Uint8Array }[]; error: string | null } {
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  if (files.filter((f) => f === STDIN).length > 1)
    return { inputs, error: `'${STDIN}' (standard input) can be given only once` };
  for (const f of files) {
    try {
      if (f === STDIN) {
        if (!io.readStdin) return { inputs, error: 'standard input is not available' };
        inputs.push({ name: STDIN_NAME, bytes: io.readStdin() });
      } else inputs.push({ name: f, bytes: io.readFile(f) });
    } catch (e) {
      const name = f === STDIN ? STDIN_NAME : f;
      return {
        inputs,
        error: `cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  return { inputs, error: null };
}
