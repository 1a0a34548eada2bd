/**
 * Every export as it leaves the browser, made from an `Outgoing` (src/share/privacy.ts), so
 * each follows the one privacy rule: the scrubbed view and model of an imported dump unless
 * the user kept the real ones. The Export menu and the share dialog call only these.
 */
import type { Trace } from '../engine/types';
import type { Outgoing } from '../share/privacy';
import { topologyToMermaid } from './mermaid';
import { topologyToJson } from './model-json';
import { exportSvg } from './svg';
import { traceToMarkdown, traceToText } from './trace-text';

/** The drawing as SVG, with the outgoing view state in `<metadata>`. */
export function outgoingSvg(svg: SVGSVGElement, out: Outgoing): string {
  return exportSvg(svg, out.state, out.scrubbed ? out.mention : undefined);
}

export function outgoingTraceText(trace: Trace, out: Outgoing): string {
  return out.mention(traceToText(trace));
}

export function outgoingTraceMarkdown(trace: Trace, out: Outgoing): string {
  return out.mention(traceToMarkdown(trace));
}

export function outgoingModelJson(out: Outgoing): string | null {
  return out.topology ? topologyToJson(out.topology) : null;
}

export function outgoingMermaid(out: Outgoing): string | null {
  return out.topology ? topologyToMermaid(out.topology) : null;
}

/** The `.hnsviz.json` view file (the share dialog's "download the view"). */
export function outgoingStateFile(out: Outgoing): string {
  return JSON.stringify(out.state);
}
