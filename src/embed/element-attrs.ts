/** `<hns-viz>` attributes → an untrusted view-state object (validated by the caller). */
import { VIEW_FORMAT } from '../share/view-state';

/** Attributes the element observes. */
export const ELEMENT_ATTRIBUTES = [
  'scenario',
  'from',
  'to',
  'proto',
  'step',
  'theme',
  'verbosity',
  'compare',
  'selected',
  'state',
  'mode',
] as const;

/** What `mode` may say: the view shown (a trace and its drawing, or the reachability matrix). */
export const ELEMENT_MODES = ['trace', 'matrix'] as const;
export type ElementMode = (typeof ELEMENT_MODES)[number];

/** The `mode` attribute: null when absent, an error message when not one of `ELEMENT_MODES`. */
export function modeFromAttribute(
  value: string | null,
): { ok: true; mode: ElementMode | null } | { ok: false; message: string } {
  if (value === null) return { ok: true, mode: null };
  const v = value.trim().toLowerCase();
  const mode = ELEMENT_MODES.find((m) => m === v);
  return mode
    ? { ok: true, mode }
    : {
        ok: false,
        message: `mode: expected ${ELEMENT_MODES.join(' or ')}, got ${JSON.stringify(value.slice(0, 40))}`,
      };
}

/** `10.96.10.10:80/tcp` → `{ to: '10.96.10.10:80', proto: 'tcp' }`. */
export function splitTarget(to: string): { to: string; proto?: string } {
  const m = /^(.*)\/(tcp|udp|icmp)$/i.exec(to.trim());
  return m ? { to: m[1] ?? '', proto: (m[2] ?? '').toLowerCase() } : { to: to.trim() };
}

/**
 * The view an element's attributes describe (not yet validated: attribute values are page
 * input). `get` reads an attribute (null when absent).
 */
export function viewFromAttributes(
  get: (name: string) => string | null,
  fallback: string,
): unknown {
  const from = get('from');
  const to = get('to');
  const target = to ? splitTarget(to) : null;
  const step = get('step');
  const compare = get('compare')
    ?.split(',')
    .map((s) => s.trim());
  const proto = get('proto') ?? target?.proto;
  return {
    format: VIEW_FORMAT,
    source: { kind: 'scenario', id: get('scenario') ?? fallback },
    trace: from && target ? { from, to: target.to, ...(proto ? { proto } : {}) } : null,
    step: step === null ? -1 : Number(step),
    compare: compare && compare.length === 2 ? { left: compare[0], right: compare[1] } : null,
    theme: get('theme') ?? undefined,
    verbosity: get('verbosity') ?? undefined,
    selected: get('selected'),
  };
}
