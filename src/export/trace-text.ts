/**
 * A trace as plain text (pasteable into an issue or a terminal) and as Markdown (a hop table
 * plus the plain text folded away). Pure functions of the `Trace`.
 */
import { formatTraceText } from '../engine/format-text';
import type { Hop, Trace, TracePacket } from '../engine/types';
import { maxOf } from '../shared/arrays';

/** The plain-text trace, with a one-line header naming the topology. */
export function traceToText(trace: Trace): string {
  return `hnsviz trace · topology ${trace.topology}\n\n${formatTraceText(trace)}\n`;
}

/** Escape text for a Markdown table cell (pipes, backticks, newlines, HTML brackets). */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

const addr = (p: TracePacket): string => `${p.srcIp}:${p.srcPort} → ${p.dstIp}:${p.dstPort}`;

function where(h: Hop): string {
  return [h.node, h.component, h.name, h.direction?.toUpperCase()].filter(Boolean).join(' / ');
}

function decided(h: Hop): string {
  return [h.layer, h.group, h.rule].filter(Boolean).join(' › ') || '—';
}

/** A fence long enough that nothing inside can close it. */
function fence(body: string): string {
  const longest = maxOf(
    (body.match(/`+/g) ?? []).map((m) => m.length),
    2,
  );
  return '`'.repeat(longest + 1);
}

/** The Markdown trace: title, verdict, a table of hops, then the plain text in `<details>`. */
export function traceToMarkdown(trace: Trace): string {
  const r = trace.request;
  const text = formatTraceText(trace);
  const f = fence(text);
  const rows = trace.hops.map((h, i) => {
    const changed = JSON.stringify(h.before) !== JSON.stringify(h.after);
    return `| ${i + 1} | ${h.phase} | ${mdCell(where(h))} | ${mdCell(decided(h))} | ${mdCell(h.action)} | ${changed ? mdCell(addr(h.after)) : ''} |`;
  });
  return [
    `### hnsviz trace: ${mdCell(`${r.proto} ${r.from} → ${r.to}`)}`,
    '',
    `Topology \`${mdCell(trace.topology)}\` · **${trace.verdict}**: ${mdCell(trace.reason)}`,
    '',
    '| # | Phase | Where | Layer › group › rule | Action | Packet after (if changed) |',
    '| --: | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...trace.assumptions.map((a) => `- Assumed: ${mdCell(a)}`),
    ...(trace.assumptions.length > 0 ? [''] : []),
    '<details><summary>Plain text</summary>',
    '',
    `${f}text`,
    text,
    f,
    '',
    '</details>',
    '',
  ].join('\n');
}
