/** The share dialog's snippets: a link, an `<iframe>` and an `<hns-viz>` element. Pure. */
import type { ViewState } from './view-state';

/** Escape a value for a double-quoted HTML attribute. */
export function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `appUrl` without search and fragment, ending in `/` or a file name. */
export function appBase(appUrl: string): string {
  const u = new URL(appUrl);
  u.search = '';
  u.hash = '';
  return u.href;
}

/** The link that opens the view in the app. */
export function shareLink(appUrl: string, fragment: string): string {
  return `${appBase(appUrl)}${fragment}`;
}

/** An `<iframe>` showing the view in embed mode. */
export function iframeSnippet(appUrl: string, fragment: string, title: string): string {
  const src = `${appBase(appUrl)}?embed=1${fragment}`;
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="480" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

/** The element's attributes for a view (`state` carries what attributes cannot, e.g. a dump). */
export function elementAttributes(state: ViewState, payload: string): [string, string][] {
  if (state.source.kind === 'dump') return [['state', payload]];
  const out: [string, string][] = [['scenario', state.source.id]];
  if (state.trace) {
    out.push(['from', state.trace.from]);
    out.push(['to', state.trace.proto ? `${state.trace.to}/${state.trace.proto}` : state.trace.to]);
  }
  if (state.step >= 0) out.push(['step', String(state.step)]);
  if (state.compare) out.push(['compare', `${state.compare.left},${state.compare.right}`]);
  if (state.verbosity !== 'layers') out.push(['verbosity', state.verbosity]);
  if (state.theme !== 'light') out.push(['theme', state.theme]);
  if (state.selected) out.push(['selected', state.selected]);
  return out;
}

/** A `<script type="module">` plus an `<hns-viz>` element showing the view. */
export function elementSnippet(appUrl: string, state: ViewState, payload: string): string {
  const script = new URL('hns-viz.js', appBase(appUrl)).href;
  const attrs = elementAttributes(state, payload)
    .map(([k, v]) => ` ${k}="${attr(v)}"`)
    .join('');
  return `<script type="module" src="${attr(script)}"></script>\n<hns-viz${attrs}></hns-viz>`;
}
