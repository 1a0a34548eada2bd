/**
 * A big paste is not put into the import box: rendering megabytes of text into a textarea
 * freezes the page. It is kept as a Blob (sent to the parser worker like a file) and shown as a
 * one-line summary and its first lines.
 */

/** Pastes longer than this (characters) are intercepted. */
export const BIG_PASTE_CHARS = 1_000_000;
const PREVIEW_LINES = 12;
const PREVIEW_CHARS = 4000;

export interface BigPaste {
  readonly blob: Blob;
  readonly bytes: number;
  readonly lines: number;
  /** The first lines, each cut to a screen width. */
  readonly preview: string;
}

/** The first lines of a paste, each cut to a screen width (cheap: reads the first 4,000 chars). */
export function previewOf(text: string): string {
  return text
    .slice(0, PREVIEW_CHARS)
    .split('\n')
    .slice(0, PREVIEW_LINES)
    .map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l))
    .join('\n');
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Count the lines and encode the text as a Blob, a slice per task: encoding 20 MB in one go
 * blocks the page for over 100 ms. Slices never split a surrogate pair.
 */
export async function preparePaste(
  text: string,
  opts: { chunk?: number; yieldTask?: () => Promise<void> } = {},
): Promise<BigPaste> {
  const chunk = opts.chunk ?? 1 << 20;
  const yieldTask = opts.yieldTask ?? nextTask;
  const parts: Blob[] = [];
  let lines = text.length > 0 ? 1 : 0;
  for (let a = 0; a < text.length;) {
    let b = Math.min(text.length, a + chunk);
    const c = text.charCodeAt(b - 1);
    if (b < text.length && c >= 0xd800 && c <= 0xdbff) b--;
    if (b <= a) b = Math.min(text.length, a + 2);
    const part = text.slice(a, b);
    for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) lines++;
    parts.push(new Blob([part]));
    a = b;
    await yieldTask();
  }
  if (text.endsWith('\n')) lines--;
  const blob = new Blob(parts, { type: 'text/plain' });
  return { blob, bytes: blob.size, lines, preview: previewOf(text) };
}

/** `1234567` → `1,234,567` (whole numbers; what `toLocaleString('en')` gives, without the
 * tens of milliseconds its first call spends loading the locale, in the middle of an import). */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** `9,999`, then `180k`. */
export const shortCount = (n: number): string =>
  n < 10_000 ? grouped(n) : `${grouped(Math.round(n / 1000))}k`;

/** "pasted 20.0 MB, 412k lines" */
export function pasteLabel(p: Pick<BigPaste, 'bytes' | 'lines'>): string {
  return `pasted ${(p.bytes / 1e6).toFixed(1)} MB, ${shortCount(p.lines)} line${p.lines === 1 ? '' : 's'}`;
}
