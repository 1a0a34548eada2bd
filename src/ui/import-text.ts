/** Fixed texts and links of the import UI. */

/** The collector script, served from public/ next to the app. */
export const COLLECTOR_URL = `${import.meta.env.BASE_URL}collect-hnsviz.ps1`;

export const PRIVACY_NOTE =
  'Everything stays in this browser: the dump is read here, nothing is uploaded. The last import is kept in this browser (IndexedDB) until you press Clear.';

const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;

/** `12.3 of 20.0 MiB` or `3 of 5 files`. */
export function progressText(p: {
  phase: string;
  done: number;
  total: number;
  input?: string;
}): string {
  if (p.phase === 'read') return `Reading ${p.total} file${p.total === 1 ? '' : 's'}…`;
  if (p.phase === 'lint') return 'Checking the node (lint)…';
  return `Parsing in the background${p.input ? ` ${p.input}` : ''}: ${mib(p.done)} of ${mib(p.total)}`;
}
