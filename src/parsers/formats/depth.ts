/** Find values that PowerShell replaced by a type name because of its depth limit. */

import type { DiagSink } from '../diagnostics';
import { isTypeName } from './ps-value';
import { isRecord } from './raw';

/** Fields hnsviz reads; a type name in one of them loses information. */
const USED = new Set([
  'Policies',
  'VIPs',
  'ExceptionList',
  'Exceptions',
  'References',
  'Subnets',
  'HostComputeEndpoints',
  'FrontendVIPs',
  'PortMappings',
  'IpConfigurations',
  'Ipams',
  'Settings',
  'Destinations',
  'Routes',
]);

export function reportDepthCuts(
  value: unknown,
  path: string,
  line: number,
  column: number,
  sink: DiagSink,
  depth = 0,
): void {
  if (depth > 8) return;
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (isTypeName(value) || (typeof value === 'string' && value.startsWith('@{'))) {
    if (USED.has(key)) {
      sink.add(
        'W_DEPTH_TRUNCATED',
        line,
        column,
        `'${path}' shows only '${value.length > 40 ? value.slice(0, 40) + '…' : value}'`,
        {
          expected: 'the values themselves',
          hint: "re-run with 'ConvertTo-Json -Depth 10' to see them",
        },
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) reportDepthCuts(v, path, line, column, sink, depth + 1);
  } else if (isRecord(value)) {
    for (const k of Object.keys(value))
      reportDepthCuts(value[k], `${path}.${k}`, line, column, sink, depth + 1);
  }
}

const cut = (v: unknown): v is string =>
  isTypeName(v) || (typeof v === 'string' && v.startsWith('@{'));

/** One used field of `reportDepthCutsShallow`. */
function shallowField(key: string, v: unknown, line: number, sink: DiagSink, depth: number): void {
  if (v === undefined || typeof v === 'number' || typeof v === 'boolean') return;
  if (cut(v)) reportDepthCuts(v, key, line, 1, sink);
  else if (Array.isArray(v)) {
    for (const x of v as unknown[]) {
      if (typeof x === 'string' ? cut(x) : false) reportDepthCuts(x, key, line, 1, sink);
      else if (depth === 0 && key === 'Policies' && isRecord(x))
        reportDepthCutsShallow(x, line, sink, 1);
    }
  } else if (depth === 0 && isRecord(v)) reportDepthCutsShallow(v, line, sink, 1);
}

/**
 * Whether `reportDepthCutsShallow(o, …, depth)` would report anything. It visits the object's
 * own keys (a `for…in` over a parsed object reads V8's cached key list) rather than reading
 * the 14 used names one by one: elements and policies of a dump come in many shapes, and a
 * read of a missing name in code that sees many shapes is a slow generic lookup.
 */
function anyCut(o: Record<string, unknown>, depth: number): boolean {
  for (const k in o) {
    if (!USED.has(k)) continue;
    const v = o[k];
    if (v === undefined || typeof v === 'number' || typeof v === 'boolean') continue;
    if (cut(v)) return true;
    if (Array.isArray(v)) {
      for (const x of v as unknown[]) {
        if (typeof x === 'string') {
          if (cut(x)) return true;
        } else if (depth === 0 && k === 'Policies' && isRecord(x) && anyCut(x, 1)) return true;
      }
    } else if (depth === 0 && isRecord(v) && anyCut(v, 1)) return true;
  }
  return false;
}

/**
 * The same check limited to the used fields of an object and of its direct children: cheap
 * enough for the fast JSON path, where walking whole allocator trees would cost too much.
 * Reports come in `USED` order, each field read by name; most objects have nothing to report,
 * which `anyCut` finds out first.
 */
export function reportDepthCutsShallow(
  o: Record<string, unknown>,
  line: number,
  sink: DiagSink,
  depth = 0,
): void {
  if (!anyCut(o, depth)) return;
  shallowField('Policies', o['Policies'], line, sink, depth);
  shallowField('VIPs', o['VIPs'], line, sink, depth);
  shallowField('ExceptionList', o['ExceptionList'], line, sink, depth);
  shallowField('Exceptions', o['Exceptions'], line, sink, depth);
  shallowField('References', o['References'], line, sink, depth);
  shallowField('Subnets', o['Subnets'], line, sink, depth);
  shallowField('HostComputeEndpoints', o['HostComputeEndpoints'], line, sink, depth);
  shallowField('FrontendVIPs', o['FrontendVIPs'], line, sink, depth);
  shallowField('PortMappings', o['PortMappings'], line, sink, depth);
  shallowField('IpConfigurations', o['IpConfigurations'], line, sink, depth);
  shallowField('Ipams', o['Ipams'], line, sink, depth);
  shallowField('Settings', o['Settings'], line, sink, depth);
  shallowField('Destinations', o['Destinations'], line, sink, depth);
  shallowField('Routes', o['Routes'], line, sink, depth);
}
