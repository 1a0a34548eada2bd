/**
 * What a command needs from the process. `nodeIo()` gives the real one; tests pass their own,
 * so every command runs in-process without touching the file system or the terminal.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export type Sink = ((text: string) => void) | { write(text: string): unknown };

export interface CliIo {
  readonly stdout: Sink;
  readonly stderr: Sink;
  readonly readFile: (path: string) => Uint8Array;
  /** All of standard input (for the file name `-`). */
  readonly readStdin?: () => Uint8Array;
  /** Folders given as inputs (`--dump nodeA/`); without them every path is a file. */
  readonly isDirectory?: (path: string) => boolean;
  readonly readDir?: (path: string) => readonly string[];
  /** Write a whole file (`-o FILE`); without it, commands can print only to stdout. */
  readonly writeFile?: (path: string, text: string) => void;
  /** Long-running commands (`serve`) stop when this resolves; default: SIGINT or SIGTERM. */
  readonly untilStopped?: () => Promise<void>;
}

export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readFile: (path) => readFileSync(path),
    readStdin: () => readFileSync(0),
    isDirectory: (path) => statSync(path).isDirectory(),
    readDir: (path) => readdirSync(path),
    writeFile: (path, text) => writeFileSync(path, text),
  };
}

/** C0 controls but tab and newline, DEL and the C1 controls (`\x9b` is a CSI on some terminals). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Control characters made visible: names and ACL IDs from a dump could otherwise set the
 * terminal title, clear the screen or hide lines. C0 become `\x1b`; DEL and C1 become
 * `\u009b`, which is also a valid escape inside JSON strings (JSON.stringify leaves them raw).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    const hex = code.toString(16).padStart(2, '0');
    return code < 0x20 ? `\\x${hex}` : `\\u00${hex}`;
  });
}

/** Every byte the CLI prints goes through here, so no command can pass a control through. */
export function writer(s: Sink): (text: string) => void {
  const write = typeof s === 'function' ? s : (text: string) => void s.write(text);
  return (text) => write(escapeControls(text));
}

/** The name `-` stands for standard input; it is shown as `<stdin>` in messages. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/**
 * Read every named file (`-` is standard input, at most once). A folder is read recursively
 * (hidden entries skipped, names sorted) and its files are named `<folder>/<path>`, so the
 * folder names the node (src/cluster attribution); zip archives are unpacked by parseCluster.
 * Stops at the first path that cannot be read and says which.
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
      } else if (io.isDirectory?.(f) === true && io.readDir) {
        const before = inputs.length;
        readFolder(f, basename(f.replace(/[\\/]+$/, '')) || f, io, inputs);
        if (inputs.length === before) return { inputs, error: `${f}: the folder holds no files` };
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

function readFolder(
  dir: string,
  name: string,
  io: CliIo,
  out: { name: string; bytes: Uint8Array }[],
): void {
  for (const entry of [...io.readDir!(dir)].sort()) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (io.isDirectory!(path)) readFolder(path, `${name}/${entry}`, io, out);
    else out.push({ name: `${name}/${entry}`, bytes: io.readFile(path) });
  }
}
