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
] as const;

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
