/**
 * Pure decisions about a parsed dump: did the import give anything to show (else: the message
 * that replaces it), how to point at a diagnostic, and the scrubbed copy of a whole result.
 */
import type { Finding } from '../lint/types';
import { firstStubAt, hasDrawable } from './drawable';
import { scrubTopologyWith } from '../model/scrub-topology';
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

/**
 * `parsed` with IPs, MACs, GUIDs and names replaced consistently in the topology, the lint
 * findings (text and object ids) and the diagnostics (messages and input names).
 */
export function scrubDump(parsed: ParsedDump, key: readonly number[]): ParsedDump {
  const { topology, text } = scrubTopologyWith(parsed.topology, key);
  const finding = (f: Finding): Finding => ({
    ...f,
    title: text(f.title),
    problem: text(f.problem),
    evidence: text(f.evidence),
    fix: text(f.fix),
    objectIds: f.objectIds.map(text),
  });
  const diag = (d: Diagnostic): Diagnostic => ({
    ...d,
    input: text(d.input),
    message: text(d.message),
    ...(d.expected !== undefined ? { expected: text(d.expected) } : {}),
    ...(d.hint !== undefined ? { hint: text(d.hint) } : {}),
  });
  return {
    topology,
    inputs: parsed.inputs.map((i) => ({ ...i, name: text(i.name) })),
    diagnostics: parsed.diagnostics.map(diag),
    findings: parsed.findings.map(finding),
    vfpGiven: parsed.vfpGiven,
    // Node names, addresses and input names are as identifying as the rest.
    nodes: parsed.nodes.map((n) => ({
      ...n,
      id: text(n.id),
      name: text(n.name),
      managementIp: n.managementIp === null ? null : text(n.managementIp),
      inputs: n.inputs.map(text),
      evidence: n.evidence.map((e) => ({
        input: text(e.input),
        evidence: e.evidence.map((x) => ({ ...x, value: text(x.value), detail: text(x.detail) })),
      })),
    })),
    stitches: parsed.stitches.map((s) => ({
      ...s,
      remoteId: text(s.remoteId),
      nodeId: text(s.nodeId),
      ip: s.ip === null ? null : text(s.ip),
      ownerNodeId: s.ownerNodeId === null ? null : text(s.ownerNodeId),
      localEndpointId: s.localEndpointId === null ? null : text(s.localEndpointId),
      detail: text(s.detail),
      providerAddress: s.providerAddress === null ? null : text(s.providerAddress),
    })),
  };
}
