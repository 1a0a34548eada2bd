/** `ofproto/trace`-like text rendering of a `Trace`: one block per hop. */
import type { Trace, TracePacket } from './types';

function pkt(p: TracePacket): string {
  const base = `${p.proto} ${p.srcIp}:${p.srcPort} -> ${p.dstIp}:${p.dstPort} mac ${p.srcMac ?? '?'} -> ${p.dstMac ?? '?'}`;
  return p.outer
    ? `${base} outer ${p.outer.srcIp} -> ${p.outer.dstIp} udp/${p.outer.dstPort} vni ${p.outer.vni}`
    : base;
}

/** Render a trace for a terminal. */
export function formatTraceText(t: Trace): string {
  const out: string[] = [
    `Flow: ${t.request.proto} ${t.request.from} -> ${t.request.to}${t.request.reply ? ' (with reply)' : ''}`,
    '',
  ];
  t.hops.forEach((h, i) => {
    const where = [h.node ?? '-', h.component, h.name, h.direction?.toUpperCase()]
      .filter(Boolean)
      .join(' / ');
    out.push(`${String(i + 1).padStart(2)}. [${h.phase}] ${where}`);
    if (h.layer) out.push(`    layer ${h.layer}${h.group ? `  group ${h.group}` : ''}`);
    if (h.rule)
      out.push(
        `    rule  ${h.rule}${h.priority !== null ? `  priority ${h.priority}` : ''}${h.nameSource === 'model' ? '  (model name: no source shows it)' : ''}`,
      );
    out.push(`    ${h.action}  (${h.confidence}${h.ref ? `, ${h.ref}` : ''})`);
    for (const w of h.why) out.push(`      - ${w}`);
    for (const m of h.nearMisses)
      out.push(
        `      ~ near miss ${m.rule}: ${m.field} wants ${m.expected}, packet has ${m.actual}`,
      );
    if (JSON.stringify(h.before) !== JSON.stringify(h.after))
      out.push(`    before ${pkt(h.before)}`, `    after  ${pkt(h.after)}`);
    for (const v of h.verify) out.push(`    verify: ${v}`);
  });
  out.push('', `Final flow: ${pkt(t.final)}`, `Verdict: ${t.verdict}: ${t.reason}`);
  for (const a of t.assumptions) out.push(`Assumed: ${a}`);
  return out.join('\n');
}
