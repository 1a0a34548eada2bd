/**
 * What an input's file name says: the files Microsoft's collectlogs.ps1 writes (and names that
 * contain an object kind) give a kind hint for ambiguous objects, or mark a file that holds no
 * HNS objects. The content itself is recognised by the readers (registry.ts).
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
