/**
 * Which events of a trace's event list to show: all, the drops, the rewrites, the ACL hops,
 * or the hops of one layer. Events keep their numbers (a filtered list still jumps to the
 * right step).
 */
import type { TraceEvent } from './trace-events';

/** `''` (all), `drops`, `rewrites`, `acl`, or `layer:<layer name>`. */
export type EventFilter = '' | 'drops' | 'rewrites' | 'acl' | `layer:${string}`;

const ACL = /ACL/i;

export function matchesFilter(ev: TraceEvent, f: EventFilter): boolean {
  if (f === '') return true;
  if (f === 'drops') return ev.hops.some((h) => h.action === 'drop');
  if (f === 'rewrites') return ev.changed.length > 0;
  if (f === 'acl') return ev.hops.some((h) => h.layer !== null && ACL.test(h.layer));
  const layer = f.slice('layer:'.length);
  return ev.hops.some((h) => h.layer === layer);
}

export function filterEvents(events: readonly TraceEvent[], f: EventFilter): TraceEvent[] {
  return events.filter((ev) => matchesFilter(ev, f));
}

/** The filters worth offering for `events`: the fixed four, then each layer met, in order. */
export function eventFilterChoices(
  events: readonly TraceEvent[],
): { value: EventFilter; label: string }[] {
  const layers: string[] = [];
  for (const ev of events)
    for (const h of ev.hops) if (h.layer && !layers.includes(h.layer)) layers.push(h.layer);
  return [
    { value: '', label: 'all events' },
    { value: 'drops', label: 'drops' },
    { value: 'rewrites', label: 'rewrites' },
    { value: 'acl', label: 'ACL hops' },
    ...layers.map((l) => ({ value: `layer:${l}` as EventFilter, label: `layer ${l}` })),
  ];
}

/** The priority of an event's deciding rule, as the list shows it (`—` without a rule). */
export function priorityText(ev: TraceEvent): string {
  const p = ev.hop.priority;
  return p === null ? '—' : String(p);
}
