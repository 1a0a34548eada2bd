/** Fixed texts and links of the import UI. */
import { shortCount } from './big-paste';

/** The collector script, served from public/ next to the app. */
export const COLLECTOR_URL = `${import.meta.env.BASE_URL}collect-hnsviz.ps1`;

export const PRIVACY_NOTE =
  'Everything stays in this browser: the dump is read here, nothing is uploaded. The last import is kept in this browser (IndexedDB) until you press Clear.';

const mb = (n: number): string => (n / 1e6).toFixed(1);

/** The share of the work done, 0–100 (whole percent, 100 only at the end). */
export function progressPercent(p: { done: number; total: number }): number {
  if (p.total <= 0) return 0;
  return p.done >= p.total ? 100 : Math.min(99, Math.floor((p.done / p.total) * 100));
}

/** `Reading pasted text: 45% — 9.0 of 20.0 MB, 180k lines`, or `Reading 3 files…`. */
export function progressText(p: {
  phase: string;
  done: number;
  total: number;
  input?: string;
  lines?: number;
}): string {
  if (p.phase === 'read') return `Reading ${p.total} file${p.total === 1 ? '' : 's'}…`;
  if (p.phase === 'lint') return 'Checking the node (lint)…';
  const what = p.input === undefined ? 'the input' : p.input === 'paste' ? 'pasted text' : p.input;
  const lines =
    p.lines === undefined ? '' : `, ${shortCount(p.lines)} line${p.lines === 1 ? '' : 's'}`;
  return `Reading ${what}: ${progressPercent(p)}% — ${mb(p.done)} of ${mb(p.total)} MB${lines}`;
}
