/**
 * The diagnostic catalogue of the dump parsers. Every message the parsers emit has a code from
 * this table; the severity is fixed per code so the UI and the CLI exit status agree.
 */

export type Severity = 'error' | 'warning' | 'info';

export const CATALOGUE = {
  E_UNKNOWN_FORMAT: { severity: 'error', title: 'Format not recognised' },
  E_TOO_LARGE: { severity: 'error', title: 'Input too large' },
  E_EMPTY: { severity: 'error', title: 'Nothing to read' },
  E_JSON_SYNTAX: { severity: 'error', title: 'JSON syntax error' },
  E_INTERNAL: { severity: 'error', title: 'Parser failure' },
  W_TRUNCATED: { severity: 'warning', title: 'Input cut off' },
  W_DEPTH_TRUNCATED: { severity: 'warning', title: 'Value cut by ConvertTo-Json depth' },
  W_LIST_TRUNCATED: { severity: 'warning', title: 'Collection cut by PowerShell (...)' },
  W_UNPARSED_LINES: { severity: 'warning', title: 'Lines not understood' },
  W_UNKNOWN_OBJECT: { severity: 'warning', title: 'Object kind not recognised' },
  W_MISSING_ID: { severity: 'warning', title: 'Object without an ID' },
  W_CONFLICT: { severity: 'warning', title: 'Inputs disagree about a field' },
  W_BAD_VALUE: { severity: 'warning', title: 'Value not understood' },
  W_VALUE_CUT: { severity: 'warning', title: 'Value shortened to the model limits' },
  W_NODE_CONFLICT: { severity: 'warning', title: 'Inputs disagree about their node' },
  W_SEVERAL_NODES: { severity: 'warning', title: 'One input holds several nodes' },
  I_UNKNOWN_FIELD: { severity: 'info', title: 'Fields not used by hnsviz' },
  I_REWRAPPED: { severity: 'info', title: 'Console hard-wraps joined' },
  I_UNQUOTED: { severity: 'info', title: 'Paste damage removed' },
  I_UNESCAPED: { severity: 'info', title: 'Backslash-escaped JSON read' },
  I_SKIPPED: { severity: 'info', title: 'Input skipped (not HNS data)' },
  I_VFP_DEFERRED: { severity: 'info', title: 'VFP rules not derived (too many)' },
  I_NO_OBJECTS: { severity: 'info', title: 'Recognised output without objects' },
  I_HOST_TEXT: { severity: 'info', title: 'Host routes / IP configuration read' },
  I_ERROR_RECORD: { severity: 'info', title: 'PowerShell error record' },
  I_NODE_ATTRIBUTED: { severity: 'info', title: 'Input attributed to a node' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Input name as given to `parseInputs`. */
  readonly input: string;
  /** 1-based line and column in the decoded input (0 when not tied to a place). */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly expected?: string;
  readonly hint?: string;
}

export interface DiagExtra {
  readonly expected?: string;
  readonly hint?: string;
}

export function diag(
  code: DiagnosticCode,
  input: string,
  line: number,
  column: number,
  message: string,
  extra: DiagExtra = {},
): Diagnostic {
  return {
    code,
    severity: CATALOGUE[code].severity,
    input,
    line,
    column,
    message,
    ...(extra.expected !== undefined ? { expected: extra.expected } : {}),
    ...(extra.hint !== undefined ? { hint: extra.hint } : {}),
  };
}

/** Collects diagnostics for one input; caps repeats so a garbage paste cannot flood the UI. */
export class DiagSink {
  readonly list: Diagnostic[] = [];
  private readonly perCode = new Map<string, number>();
  constructor(readonly input: string) {}

  add(
    code: DiagnosticCode,
    line: number,
    column: number,
    message: string,
    extra?: DiagExtra,
  ): void {
    const n = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, n);
    if (n > 50) return;
    if (n === 50) {
      this.list.push(diag(code, this.input, line, column, `more ${code} diagnostics suppressed`));
      return;
    }
    this.list.push(diag(code, this.input, line, column, message, extra));
  }
}
