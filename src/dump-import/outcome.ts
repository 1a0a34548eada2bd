/**
 * Pure decisions about a parsed dump: did the import give anything to show (else: the message
 * that replaces it), and how to point at a diagnostic. The scrubbed copy of a whole result is
 * `scrubDump` (src/worker/scrub-dump.ts: the worker scrubs before it posts).
 */
import { firstStubAt, hasDrawable } from './drawable';
import type { Topology } from '../model/types';
import type { Diagnostic } from '../parsers/index';
import type { ImportFailure, SkippedInput } from '../state/app-state';
import type { ParsedDump } from '../worker/protocol';

/** Objects a user would see drawn. */
export function objectCount(t: Topology): number {
  return (
    Object.keys(t.networks).length +
    Object.keys(t.endpoints).length +
    Object.keys(t.loadBalancers).length +
    Object.keys(t.layers).length
  );
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Diagnostics, errors first, then by input, line and column. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      a.input.localeCompare(b.input) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/** `name:line:column` (just the name for a diagnostic about the whole input). */
export function whereOf(d: Pick<Diagnostic, 'input' | 'line' | 'column'>): string {
  return d.line > 0 ? `${d.input}:${d.line}:${d.column}` : d.input;
}

/** Null when `parsed` has something to show; else why not (the previous view stays). */
export function failureOf(
  parsed: ParsedDump,
  skipped: readonly SkippedInput[],
): ImportFailure | null {
  if (hasDrawable(parsed.topology)) return null;
  const diagnostics = sortDiagnostics(parsed.diagnostics);
  const names = parsed.inputs.map((i) => i.name).join(', ');
  const stub = objectCount(parsed.topology) > 0 ? firstStubAt(parsed.topology) : null;
  if (stub !== null)
    return {
      message:
        `Nothing could be drawn from ${names}: the object at ${stub} has no HNS fields ` +
        '(no ID, name, type, address or policy; an empty or unrelated object after a prompt ' +
        'line). The previous view is kept.',
      diagnostics,
      skipped,
    };
  const first = diagnostics[0];
  const message = first
    ? `Nothing could be drawn from ${names}: ${first.code} at ${whereOf(first)} — ${first.message}.`
    : `No HNS objects were found in ${names}.`;
  return { message: `${message} The previous view is kept.`, diagnostics, skipped };
}

export { scrubDump } from '../worker/scrub-dump';
