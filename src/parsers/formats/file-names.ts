/**
 * Format detection, in two passes: the file names Microsoft's collectlogs.ps1 writes, then the
 * structure of the first lines. The scanner later reports what it actually read; this gives a
 * kind hint for ambiguous objects and a label before parsing.
 */

import type { KindHint } from './raw';

export interface NameSniff {
  readonly hint: KindHint;
  /** collectlogs files that hold no HNS objects (routes, ARP, IP config). */
  readonly skip: boolean;
  readonly label: string | null;
}

const COLLECTLOGS: Readonly<Record<string, NameSniff>> = {
  'network.txt': { hint: 'network', skip: false, label: 'collectlogs network.txt (table + JSON)' },
  'networkdetailed.txt': {
    hint: 'network',
    skip: false,
    label: 'collectlogs networkdetailed.txt (JSON)',
  },
  'endpoint.txt': {
    hint: 'endpoint',
    skip: false,
    label: 'collectlogs endpoint.txt (table + JSON)',
  },
  'policy.txt': { hint: 'policylist', skip: false, label: 'collectlogs policy.txt (JSON)' },
  'hnsdiag.txt': {
    hint: null,
    skip: false,
    label: 'collectlogs hnsdiag.txt (hnsdiag list all -d)',
  },
  'ports.txt': {
    hint: null,
    skip: false,
    label: 'collectlogs ports.txt (vfpctrl /list-vmswitch-port)',
  },
  'vfpoutput.txt': {
    hint: null,
    skip: false,
    label: 'collectlogs vfpOutput.txt (vfpctrl per port)',
  },
  'routes.txt': { hint: null, skip: true, label: 'collectlogs routes.txt' },
  'ip.txt': { hint: null, skip: true, label: 'collectlogs ip.txt' },
  'arp.txt': { hint: null, skip: true, label: 'collectlogs arp.txt' },
  'ipconfig.txt': { hint: null, skip: true, label: 'collectlogs ipconfig.txt' },
  'netadapter.txt': { hint: null, skip: true, label: 'collectlogs netadapter.txt' },
};

export function sniffName(name: string): NameSniff {
  const base = (name.split(/[\\/]/).pop() ?? name).toLowerCase();
  const known = COLLECTLOGS[base];
  if (known) return known;
  if (/endpoint/.test(base)) return { hint: 'endpoint', skip: false, label: null };
  if (/policylist|loadbalancer/.test(base))
    return { hint: 'loadbalancer', skip: false, label: null };
  if (/network/.test(base)) return { hint: 'network', skip: false, label: null };
  return { hint: null, skip: false, label: null };
}

export type Structure =
  'json' | 'format-list' | 'hnsdiag' | 'vfpctrl' | 'log' | 'go-struct' | 'unknown';

/** Structural guess from the first 64 non-blank lines (cheap; used for labels and tests). */
export function sniffStructure(text: string): Structure {
  const head = text
    .slice(0, 16384)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 64);
  const first =
    head.find((l) => !l.trimStart().startsWith('#') && !/^\s*PS\b.*>/.test(l))?.trimStart() ?? '';
  if (first.startsWith('{') || first.startsWith('[')) return 'json';
  if (head.some((l) => /^\s*(LAYER|GROUP|RULE)\s*:|^\s*Port name\s*:|^\s*ITEM LIST\s*$/.test(l)))
    return 'vfpctrl';
  if (
    head.some((l) =>
      /^\s*(Networks|Endpoints|LoadBalancers|Namespaces):\s*$|^\s*Name\s+ID\b|^\s*ID\s+\|/.test(l),
    )
  )
    return 'hnsdiag';
  if (head.some((l) => /&\{[A-Z]\w*:/.test(l))) return 'go-struct';
  if (head.some((l) => /[{[]\\?"/.test(l) && /^\s*([IWEF]\d{4}|\d{4}-\d\d-\d\d|time=)/.test(l)))
    return 'log';
  if (head.some((l) => /^\s*[A-Za-z][\w ]*?\s+: /.test(l))) return 'format-list';
  if (head.some((l) => /[{[]\s*"/.test(l))) return 'log';
  return 'unknown';
}
