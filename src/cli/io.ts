/** What the parse/lint subcommands need from the process; main.ts passes the real ones. */

export type Sink = ((text: string) => void) | { write(text: string): unknown };

export interface CliIo {
  readonly stdout: Sink;
  readonly stderr: Sink;
  readonly readFile: (path: string) => Uint8Array;
}

export function writer(s: Sink): (text: string) => void {
  return typeof s === 'function' ? s : (text) => void s.write(text);
}

export interface FileArgs {
  readonly files: string[];
  readonly json: boolean;
}

/** `[sub] FILE… [--json]`; returns a usage message instead when the arguments are wrong. */
export function parseFileArgs(
  sub: string,
  argv: readonly string[],
): FileArgs | { usage: string; help: boolean } {
  const args = argv[0] === sub ? argv.slice(1) : [...argv];
  const usage = `usage: hnsviz ${sub} FILE… [--json]`;
  const files: string[] = [];
  let json = false;
  for (const a of args) {
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') return { usage, help: true };
    else if (a.startsWith('-') && a !== '-')
      return { usage: `hnsviz ${sub}: unknown option ${a}\n${usage}`, help: false };
    else files.push(a);
  }
  if (files.length === 0) return { usage: `hnsviz ${sub}: no input files\n${usage}`, help: false };
  return { files, json };
}

export function readInputs(
  files: readonly string[],
  io: CliIo,
): { inputs: { name: string; bytes: Uint8Array }[]; error: string | null } {
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    try {
      inputs.push({ name: f, bytes: io.readFile(f) });
    } catch (e) {
      return { inputs, error: `cannot read ${f}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { inputs, error: null };
}
