/**
 * Splitting one input that holds several nodes' outputs (two collector files pasted back to
 * back, `Get-HnsNetwork` of two hosts one after the other) into one input per node. The
 * suggestions come from evidence, strongest first: a collector header (`# hnsviz collector 1
 * on WIN-B at …`), a host name that changes (`ipconfig /all` Host Name, a remoting prompt
 * `[win-b]: PS C:\>`), a network ManagementIP that changes; and, weaker, a command run again (a
 * second `Get-HnsNetwork` usually means a second node). A part starts at the section where the
 * new node's output begins (its prompt line or JSON document), not at the line the evidence is
 * on. Linear in the text; no parsing.
 */

export type SplitKind =
  'collector-header' | 'host-name' | 'management-ip' | 'repeated-command' | 'user';

export interface SplitSuggestion {
  /** 1-based line where the next part begins. */
  readonly line: number;
  readonly kind: SplitKind;
  /** The host name or address the new part names; for `repeated-command`, the command. */
  readonly value: string;
  /** For people: `line 214: ManagementIP 10.0.0.5 (the part before says 10.0.0.4)`. */
  readonly detail: string;
  /** True when a different node is evidenced; false for a repeated command alone. */
  readonly strong: boolean;
}

const HEADER = /^# hnsviz collector \d+ on (\S+) at /;
const REMOTE_PROMPT = /^\[([^\]\s]+)\]: PS [^>]*>\s*(.*)$/;
const PROMPT = /^PS [^>]*>\s*(.*)$/;
const HOST_NAME = /^\s*Host Name[ .]*:\s*(\S+)\s*$/;
const MGMT_JSON = /"ManagementIP"\s*:\s*"(\d{1,3}(?:\.\d{1,3}){3})"/;
const MGMT_LIST = /^\s*ManagementIP\s*:\s*(\d{1,3}(?:\.\d{1,3}){3})\s*$/;
const IPCONFIG = /^Windows IP Configuration\s*$/;

/** Each line of `text` (CRLF or LF) with its 1-based number, without building an array. */
function* lines(text: string): Generator<[number, string], void, undefined> {
  let n = 1;
  let i = 0;
  while (i <= text.length) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const end = j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j;
    yield [n++, text.slice(i, end)];
    i = j + 1;
  }
}

/** The 1-based line count of `text` (a final newline does not start a line of its own). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1))
    n++;
  return n;
}

/** The text of line `line` (1-based), cut to `max` characters; '' past the end. */
export function lineAt(text: string, line: number, max = 120): string {
  for (const [n, l] of lines(text))
    if (n === line) return l.length > max ? `${l.slice(0, max)}…` : l;
  return '';
}

const normCommand = (c: string): string => c.trim().toLowerCase().replace(/\s+/g, ' ');

interface Anchor {
  readonly line: number;
  /** The command of a prompt line; '' for a JSON document's first line. */
  readonly command: string;
}

/** Where `text` seems to hold the next node's output: suggested split lines, in order. */
export function suggestSplits(text: string): SplitSuggestion[] {
  const out: SplitSuggestion[] = [];
  // The current part: what names it, the section starts seen in it.
  let host: { value: string; line: number } | null = null;
  let ip: { value: string; line: number } | null = null;
  let lastEvidence = 0;
  let anchors: Anchor[] = [];
  let blankSoFar = true; // only blank lines and comments since `start`

  const begin = (s: SplitSuggestion): void => {
    const prior = out.findIndex((o) => o.line === s.line);
    if (prior >= 0) {
      // A repeated command where evidence now shows a new node: the stronger reason wins.
      if (!out[prior]!.strong) out[prior] = s;
    } else out.push(s);
    anchors = anchors.filter((a) => a.line >= s.line);
  };
  /** The line where a node evidenced on `line` began: a section start after the last evidence. */
  const sectionStart = (line: number): number => {
    const open = anchors.filter((a) => a.line > lastEvidence && a.line <= line);
    const weak = out.find((o) => !o.strong && o.line > lastEvidence && o.line <= line);
    if (weak) return weak.line;
    const seen = new Set<string>();
    for (const a of anchors) {
      // The first command of the part seen a second time: the next node's run of commands.
      if (a.line > lastEvidence && a.command !== '' && seen.has(a.command)) return a.line;
      if (a.command !== '') seen.add(a.command);
    }
    const prompts = open.filter((a) => a.command !== '');
    return (prompts[0] ?? open[open.length - 1])?.line ?? line;
  };
  const evidence = (
    kind: 'host-name' | 'management-ip',
    value: string,
    line: number,
    where: string,
  ): void => {
    const current = kind === 'host-name' ? host : ip;
    const same = current !== null && current.value.toLowerCase() === value.toLowerCase();
    if (current !== null && !same) {
      const at = Math.max(sectionStart(line), 2);
      begin({
        line: at,
        kind,
        value,
        detail: `line ${line}: ${where} (line ${current.line} says ${current.value})`,
        strong: true,
      });
      host = null;
      ip = null;
    }
    if (kind === 'host-name') host = same ? host : { value, line };
    else ip = same ? ip : { value, line };
    lastEvidence = line;
  };

  for (const [n, l] of lines(text)) {
    const h = HEADER.exec(l);
    if (h) {
      // A header starts the next part, unless only blank lines and comments came before it.
      if (!blankSoFar)
        begin({
          line: n,
          kind: 'collector-header',
          value: h[1]!,
          detail: `line ${n}: collector header: on ${h[1]}`,
          strong: true,
        });
      host = { value: h[1]!, line: n };
      ip = null;
      lastEvidence = n;
      anchors = [];
      blankSoFar = true;
      continue;
    }
    if (l.trim() !== '' && !l.startsWith('#')) blankSoFar = false;
    const remote = REMOTE_PROMPT.exec(l);
    const prompt = remote ? null : PROMPT.exec(l);
    if (remote || prompt) {
      const command = normCommand((remote ? remote[2] : prompt![1]) ?? '');
      if (command !== '') {
        const again = anchors.some((a) => a.command === command);
        if (again && !out.some((o) => o.line === n))
          begin({
            line: n,
            kind: 'repeated-command',
            value: command,
            detail: `line ${n}: \`${command}\` again (a second node's output?)`,
            strong: false,
          });
        anchors.push({ line: n, command });
      }
      if (remote) evidence('host-name', remote[1]!, n, `prompt of ${remote[1]}`);
      continue;
    }
    if (IPCONFIG.test(l)) {
      anchors.push({ line: n, command: 'ipconfig' });
      continue;
    }
    if (l.startsWith('[') || l.startsWith('{')) anchors.push({ line: n, command: '' });
    const hn = HOST_NAME.exec(l);
    if (hn) {
      evidence('host-name', hn[1]!, n, `ipconfig /all: Host Name ${hn[1]}`);
      continue;
    }
    const m = MGMT_JSON.exec(l) ?? MGMT_LIST.exec(l);
    if (m) evidence('management-ip', m[1]!, n, `ManagementIP ${m[1]}`);
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * `text` cut before each of `at` (1-based lines; out of range or duplicate ones ignored), one
 * input per part, named `<name> (lines a–b)`. Line ends are kept as they were.
 */
export function splitText(
  name: string,
  text: string,
  at: readonly number[],
): { name: string; text: string }[] {
  const total = lineCount(text);
  const cuts = [...new Set(at)]
    .filter((l) => Number.isInteger(l) && l > 1 && l <= total)
    .sort((a, b) => a - b);
  if (cuts.length === 0) return [{ name, text }];
  const offsets: number[] = [];
  let line = 1;
  for (let i = 0; offsets.length < cuts.length && i < text.length; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    line++;
    if (line === cuts[offsets.length]) offsets.push(i + 1);
  }
  const bounds = [0, ...offsets, text.length];
  const firsts = [1, ...cuts];
  return firsts.map((first, k) => {
    const last = k + 1 < firsts.length ? firsts[k + 1]! - 1 : total;
    return {
      name: `${name} (lines ${first}–${last})`,
      text: text.slice(bounds[k], bounds[k + 1]),
    };
  });
}
