/**
 * Start the hnsviz app from the page's URL: `?scenario=` (legacy), the `#view=` link state,
 * embed mode (`?embed=1` or `#…&embed=1`: minimal chrome, postMessage bridge), the URL sync.
 */
import { decodeLink, describeLinkProblem } from '../share/codec';
import { installUrlSync } from '../share/url-sync';
import { installEmbedBridge, parseOrigins } from './bridge';
import { mountViewer, type MountedViewer, type MountViewerOptions } from './mount-viewer';
import { referenceCatalog } from '../share/reference-catalog';
import { isTheme } from '../view-model/theme';
import {
  localStorageOrNull,
  readThemeChoice,
  rememberThemeChoice,
  trackSystemTheme,
} from './theme-preference';

/** What the shell adds to what the URL says. */
export interface BootOptions {
  /** New versions of the app (`registerOfflineSupport()`), for the "Reload" notice. */
  readonly updates?: MountViewerOptions['updates'];
}

/** Mount the app into `root` as the current URL says. */
export function bootApp(root: HTMLElement, options: BootOptions = {}): MountedViewer {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  const link = decodeLink(url.hash, referenceCatalog.ids);
  const embed = params.get('embed') === '1' || link.embed;
  const appUrl = `${url.origin}${url.pathname}`;
  const viewer = mountViewer(root, {
    scenarioId: params.get('scenario'),
    initialState: link.kind === 'ok' ? link.state : null,
    notice: link.kind === 'error' ? describeLinkProblem(link.problem) : null,
    chrome: embed ? 'minimal' : 'full',
    appUrl,
    e2e: params.get('e2e') === '1',
    updates: options.updates,
    // The last imported dump: a small one is shown again after a reload; a big one, or any
    // when a link or design was asked for, is only offered ("Reopen last import").
    dumps: embed
      ? undefined
      : { keep: true, restore: link.kind === 'ok' || params.has('scenario') ? 'offer' : 'auto' },
    // Mirror the design into the URL so a reload (or a shared link) opens the same one.
    onScenarioChange: (id) => {
      const next = new URL(window.location.href);
      next.searchParams.set('scenario', id);
      window.history.replaceState(window.history.state, '', next);
    },
  });
  // The theme: `?theme=` imposes one for this page; otherwise the app shows the reader's
  // remembered choice or the OS's, live; an embed shows its link's theme, else the OS's.
  trackSystemTheme(viewer.store);
  const theme = params.get('theme');
  const storage = embed ? null : localStorageOrNull();
  if (isTheme(theme)) viewer.store.getState().setTheme(theme);
  else if (!embed) viewer.store.getState().setThemePreference(readThemeChoice(storage));
  else if (link.kind !== 'ok') viewer.store.getState().setThemePreference('system');
  if (!embed) rememberThemeChoice(viewer.store, storage);
  // `?motion=off|on` (e2e and screenshots use off): instant steps instead of the moving packet.
  const motion = params.get('motion');
  if (motion === 'off' || motion === 'on') viewer.store.getState().setMotion(motion);
  installUrlSync(viewer.store, { catalog: referenceCatalog });
  // A dump was imported: drop `?scenario=` so that a reload shows the dump again.
  viewer.store.subscribe((s, prev) => {
    if (s.dumpTopology === null || s.topology !== s.dumpTopology || prev.topology === s.topology)
      return;
    const next = new URL(window.location.href);
    if (!next.searchParams.has('scenario')) return;
    next.searchParams.delete('scenario');
    window.history.replaceState(window.history.state, '', next);
  });
  if (embed)
    installEmbedBridge(viewer, {
      allowedOrigins: [url.origin, ...parseOrigins(params.get('origins'))],
      knownScenarios: referenceCatalog.ids,
    });
  return viewer;
}
