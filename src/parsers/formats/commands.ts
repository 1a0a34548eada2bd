/** Prompts and command lines: they separate the runs of a paste and say what follows. */

import type { KindHint } from './raw';

const PROMPT =
  /^\s*(?:PS(?: [A-Za-z]:[^>]*| )?>|[A-Za-z]:\\[^>]*>|\$ |[a-z_][\w.-]*@[\w.-]+[:~][^$#]*[$#] )\s?(.*)$/;
const BARE_COMMAND =
  /^\s*(?:Get-HNS\w*|Get-Hcn\w*|hnsdiag(?:\.exe)?\s|vfpctrl(?:\.exe)?\s|\$\w+\s*=|kubectl\s|Import-Module\s)/i;

/** The command a prompt line (or a bare HNS command line) runs, or null. */
export function commandOf(line: string): string | null {
  const m = PROMPT.exec(line);
  if (m) return m[1] ?? '';
  return BARE_COMMAND.test(line) ? line.trim() : null;
}

/** The object kind a command lists (`prev` stays for an empty prompt). */
export function hintOf(cmd: string, prev: KindHint): KindHint {
  const c = cmd.toLowerCase();
  if (
    /get-h(?:ns|cn)network/.test(c) ||
    /-containernetwork/.test(c) ||
    /hnsdiag(?:\.exe)?\s+list\s+networks/.test(c)
  )
    return 'network';
  if (/get-h(?:ns|cn)endpoint/.test(c) || /hnsdiag(?:\.exe)?\s+list\s+endpoints/.test(c))
    return 'endpoint';
  if (/get-hnspolicylist/.test(c)) return 'policylist';
  if (/get-h(?:ns|cn)loadbalancer/.test(c) || /hnsdiag(?:\.exe)?\s+list\s+loadbalancers/.test(c))
    return 'loadbalancer';
  if (/get-h(?:ns|cn)namespace/.test(c) || /hnsdiag(?:\.exe)?\s+list\s+namespaces/.test(c))
    return 'namespace';
  if (c.trim() === '') return prev;
  return null;
}
