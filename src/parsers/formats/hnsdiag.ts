/**
 * `hnsdiag list all|networks|endpoints|loadbalancers|namespaces` tables. Columns are padded but
 * never cut, so rows are split on whitespace (or `|`) and anchored on the GUID column.
 */

import type { Doc } from '../decode/cleanup';
import type { KindHint, RawObject } from './raw';
import { addObjects, type LineReader } from './reader';

const GUID_RE = /^\{?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\}?$/;
const HEADING = /^\s*(Networks|Endpoints|Namespaces|LoadBalancers|Load Balancers):\s*$/;
const NET_HEADER = /^\s*Name\s+ID\s*$/;
const EP_HEADER = /^\s*Name\s+ID\s+Virtual Network Name\s*$/;
const LB_HEADER = /^\s*ID\s*\|\s*Virtual IPs\s*\|\s*Direct IP IDs\s*$/;
const NS_HEADER = /^\s*ID\s*\|\s*Endpoint IDs\s*$/;

type Section = 'networks' | 'endpoints' | 'namespaces' | 'loadbalancers';

export function isHnsdiagTableStart(line: string): boolean {
  return (
    HEADING.test(line) ||
    NET_HEADER.test(line) ||
    EP_HEADER.test(line) ||
    LB_HEADER.test(line) ||
    NS_HEADER.test(line)
  );
}

function headerSection(line: string): Section | null {
  if (EP_HEADER.test(line)) return 'endpoints';
  if (NET_HEADER.test(line)) return 'networks';
  if (LB_HEADER.test(line)) return 'loadbalancers';
  if (NS_HEADER.test(line)) return 'namespaces';
  return null;
}

const HINT: Record<Section, KindHint> = {
  networks: 'network',
  endpoints: 'endpoint',
  namespaces: 'namespace',
  loadbalancers: 'loadbalancer',
};

function row(section: Section, line: string): Record<string, unknown> | null {
  if (section === 'loadbalancers' || section === 'namespaces') {
    const cells = line.split('|').map((c) => c.trim());
    const id = cells[0] ?? '';
    if (!GUID_RE.test(id)) return null;
    const words = (c: string | undefined): string[] =>
      (c ?? '').split(/\s+/).filter((w) => w !== '');
    if (section === 'namespaces') return { ID: id, Endpoints: words(cells[1]) };
    return { ID: id, FrontendVIPs: words(cells[1]), HostComputeEndpoints: words(cells[2]) };
  }
  const tokens = line.trim().split(/\s+/);
  let g = -1;
  for (let k = 1; k < tokens.length; k++) {
    if (GUID_RE.test(tokens[k] ?? '')) {
      g = k;
      break;
    }
  }
  if (g < 0) return null;
  const name = tokens.slice(0, g).join(' ');
  const id = tokens[g] ?? '';
  if (section === 'networks') return g === tokens.length - 1 ? { ID: id, Name: name } : null;
  const net = tokens.slice(g + 1).join(' ');
  return net === '' ? { ID: id, Name: name } : { ID: id, Name: name, VirtualNetworkName: net };
}

export interface TableResult {
  readonly objects: RawObject[];
  readonly next: number;
}

/** Parse hnsdiag tables from line `start`; `fallback` is the section a bare command announced. */
export function parseHnsdiagTables(doc: Doc, start: number, fallback: KindHint): TableResult {
  const objects: RawObject[] = [];
  let section: Section | null =
    fallback === 'endpoint' ? 'endpoints' : fallback === 'loadbalancer' ? 'loadbalancers' : null;
  let i = start;
  for (; i < doc.lines.length; i++) {
    const line = doc.lines[i] ?? '';
    if (line.trim() === '') continue;
    const h = HEADING.exec(line);
    if (h) {
      const word = (h[1] ?? '').replace(' ', '').toLowerCase();
      section = word as Section;
      continue;
    }
    const hs = headerSection(line);
    if (hs) {
      section = hs;
      continue;
    }
    if (section === null) break;
    const value = row(section, line);
    if (value === null) break;
    objects.push({
      value,
      line: doc.lineNo[i] ?? i + 1,
      rendering: 'hnsdiag-table',
      hint: HINT[section],
    });
  }
  return { objects, next: i };
}

export const hnsdiagTableReader: LineReader = {
  name: 'hnsdiag-table',
  renderings: ['hnsdiag-table'],
  detect: (line) => isHnsdiagTableStart(line),
  read(i, s) {
    const r = parseHnsdiagTables(s.doc, i, s.hint);
    addObjects(s, r.objects, 'hnsdiag-table');
    return r.next;
  },
};
