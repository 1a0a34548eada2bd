/**
 * The scrubbed copy of a whole parsed dump. Used in the worker when `dump/load` carries a scrub
 * key (the page then receives only scrubbed data and does no whole-model work), and by the
 * page for a dump that arrived unscrubbed.
 */
import type { Finding } from '../lint/types';
import { scrubTopologyWith } from '../model/scrub-topology';
import type { Diagnostic } from '../parsers/index';
import type { ParsedDump } from './protocol';

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
    scrubbed: true,
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
