/**
 * `<hns-viz>`: the viewer as a custom element, for pages that prefer a script tag.
 *
 *   <script type="module" src="https://…/hns-viz.js"></script>
 *   <hns-viz scenario="new-l2bridge" from="a1" to="10.96.10.10:80/tcp" step="3"></hns-viz>
 *   <hns-viz scenario="old-winnat" mode="matrix"></hns-viz>
 *
 * Each element has its own store, React root and engine worker (several on one page are
 * independent). Attributes are observed; changes are batched into one view update. Styles
 * live in the element's shadow root (constructable stylesheets, which a strict CSP allows).
 */
import { decodePayload, describeLinkProblem } from '../share/codec';
import { parseViewState } from '../share/view-state';
import { modeFromAttribute, viewFromAttributes, ELEMENT_ATTRIBUTES } from './element-attrs';
import { mountViewer, type MountedViewer } from './mount-viewer';
import { trackSystemTheme } from './theme-preference';
import { DEFAULT_SCENARIO, referenceCatalog } from '../share/reference-catalog';

/** Replaced by the element build with all the viewer's CSS (vite.element.config.ts). */
const CSS = '/*__HNSVIZ_CSS__*/';

const HOST_CSS = `:host{display:block;position:relative;height:480px;min-height:240px;contain:content}
.hns-viz-mount{position:absolute;inset:0}`;

let sheet: CSSStyleSheet | null = null;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${CSS}\n${HOST_CSS}`);
  }
  return sheet;
}

/** The app's URL, next to this module (for "Open in hnsviz"). */
const APP_URL = new URL(/* @vite-ignore */ './', import.meta.url).href;

export class HnsVizElement extends HTMLElement {
  static readonly observedAttributes = ELEMENT_ATTRIBUTES;
  private viewer: MountedViewer | null = null;
  private queued = false;
  private stopSystemTheme = (): void => undefined;

  connectedCallback(): void {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styles()];
    const mount = document.createElement('div');
    mount.className = 'hns-viz-mount';
    shadow.replaceChildren(mount);
    this.viewer = mountViewer(mount, { chrome: 'minimal', appUrl: APP_URL });
    this.stopSystemTheme = trackSystemTheme(this.viewer.store);
    this.apply();
  }

  disconnectedCallback(): void {
    this.stopSystemTheme();
    this.viewer?.unmount();
    this.viewer = null;
  }

  attributeChangedCallback(): void {
    if (this.queued || !this.viewer) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.apply();
    });
  }

  /** This element's viewer (its store), for scripts on the page. */
  get store(): MountedViewer['store'] | null {
    return this.viewer?.store ?? null;
  }

  private apply(): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const payload = this.getAttribute('state');
    let value: unknown;
    if (payload) {
      const raw = decodePayload(payload);
      if (!raw.ok) return viewer.store.getState().setLinkNotice(describeLinkProblem(raw.problem));
      value = raw.value;
    } else value = viewFromAttributes((n) => this.getAttribute(n), DEFAULT_SCENARIO);
    const r = parseViewState(value, referenceCatalog.ids);
    if (!r.ok) return viewer.store.getState().setLinkNotice(describeLinkProblem(r.problem));
    const mode = modeFromAttribute(this.getAttribute('mode'));
    if (!mode.ok) return viewer.store.getState().setLinkNotice(mode.message);
    viewer.store.getState().setLinkNotice(null);
    viewer.applyState(r.state);
    // After the state (which shows a trace or a comparison): the matrix of the same design.
    if (mode.mode === 'matrix') viewer.store.getState().setMode('matrix');
    // The host page's `theme` attribute (or its state's theme) decides; without one, the
    // element follows the reader's OS preference, live.
    if (!this.hasAttribute('theme') && !payload)
      viewer.store.getState().setThemePreference('system');
  }
}

/** Define `<hns-viz>` (once). */
export function defineHnsViz(name = 'hns-viz'): void {
  if (!customElements.get(name)) customElements.define(name, HnsVizElement);
}

declare global {
  /** `document.createElement('hns-viz')` and `querySelector('hns-viz')` are typed. */
  interface HTMLElementTagNameMap {
    'hns-viz': HnsVizElement;
  }
}
