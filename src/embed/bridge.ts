/**
 * The optional postMessage API of an embedded viewer (iframe). The host page sends commands;
 * the viewer answers with events. IMPORTANT: a command is obeyed only when it comes from the
 * parent window AND its `event.origin` is on the allow-list (the viewer's own origin plus the
 * `?origins=` of the iframe URL); events go to allowed origins only, never to `*`.
 *
 * Commands: `hnsviz/load` {scenario}, `hnsviz/trace` {from, to, proto?}, `hnsviz/step` {step},
 * `hnsviz/state` {state: hnsviz.view/1}, `hnsviz/get`.
 * Events: `hnsviz/ready`, `hnsviz/changed` {scenario, step, traceStatus, verdict}, `hnsviz/error`.
 */
import { bool, int, lit, obj, optional, str, tagged, validate, type Schema } from '../share/schema';
import type { AppState } from '../state/app-state';
import { parseViewState } from '../share/view-state';
import type { MountedViewer } from './mount-viewer';

export const BRIDGE_VERSION = 1;

const arg = str(256, /^[\w.:/@*\-[\]]+$/);

export type BridgeCommand =
  | { type: 'hnsviz/load'; scenario: string }
  | {
      type: 'hnsviz/trace';
      from: string;
      to: string;
      proto?: 'tcp' | 'udp' | 'icmp';
      reply?: boolean;
    }
  | { type: 'hnsviz/step'; step: number }
  | { type: 'hnsviz/state'; state: unknown }
  | { type: 'hnsviz/get' };

const commandSchema: Schema<BridgeCommand> = tagged('type', {
  'hnsviz/load': obj({ type: lit('hnsviz/load'), scenario: str(64) }),
  'hnsviz/trace': obj({
    type: lit('hnsviz/trace'),
    from: arg,
    to: arg,
    proto: optional(lit('tcp', 'udp', 'icmp')),
    reply: optional(bool),
  }),
  'hnsviz/step': obj({ type: lit('hnsviz/step'), step: int(-1, 100_000) }),
  'hnsviz/state': obj({ type: lit('hnsviz/state'), state: (v: unknown) => v }),
  'hnsviz/get': obj({ type: lit('hnsviz/get') }),
});

export type BridgeEvent =
  | { type: 'hnsviz/ready'; version: number }
  | {
      type: 'hnsviz/changed';
      scenario: string | null;
      step: number;
      traceStatus: AppState['traceStatus'];
      verdict: string | null;
    }
  | { type: 'hnsviz/error'; code: string; message: string };

/** Origins from a comma-separated list; anything that is not exactly an origin is dropped. */
export function parseOrigins(list: string | null): string[] {
  return (list ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => {
      try {
        return o !== '' && new URL(o).origin === o;
      } catch {
        return false;
      }
    });
}

export interface BridgeOptions {
  readonly allowedOrigins: readonly string[];
  readonly knownScenarios: readonly string[];
  /** The window that may command us (default `window.parent`). */
  readonly host?: Window;
}

/** Start the bridge for `viewer`; returns the function that stops it. */
export function installEmbedBridge(viewer: MountedViewer, opts: BridgeOptions): () => void {
  const host = opts.host ?? window.parent;
  if (host === window) return () => undefined; // not framed: nobody to talk to
  const allowed = new Set(opts.allowedOrigins);
  const send = (e: BridgeEvent, origin?: string): void => {
    for (const o of origin ? [origin] : allowed) host.postMessage(e, o);
  };
  const { store } = viewer;
  const changed = (s: AppState): BridgeEvent => ({
    type: 'hnsviz/changed',
    scenario: s.scenarioId,
    step: s.step,
    traceStatus: s.traceStatus,
    verdict: s.trace?.verdict ?? null,
  });
  const onMessage = (e: MessageEvent): void => {
    if (e.source !== host || !allowed.has(e.origin)) return;
    const r = validate(commandSchema, e.data);
    if (!r.ok) {
      send({ type: 'hnsviz/error', code: 'E_BRIDGE_COMMAND', message: r.error.message }, e.origin);
      return;
    }
    const c = r.value;
    const s = store.getState();
    switch (c.type) {
      case 'hnsviz/load':
        if (!opts.knownScenarios.includes(c.scenario))
          send({ type: 'hnsviz/error', code: 'E_UNKNOWN_SCENARIO', message: c.scenario }, e.origin);
        else viewer.setScenario(c.scenario);
        break;
      case 'hnsviz/trace':
        s.setTraceRequest({ from: c.from, to: c.to, proto: c.proto, reply: c.reply });
        break;
      case 'hnsviz/step':
        s.setStep(c.step);
        break;
      case 'hnsviz/state': {
        const v = parseViewState(c.state, opts.knownScenarios);
        if (v.ok) viewer.applyState(v.state);
        else
          send(
            { type: 'hnsviz/error', code: v.problem.code, message: v.problem.message },
            e.origin,
          );
        break;
      }
      case 'hnsviz/get':
        send(changed(s), e.origin);
        break;
    }
  };
  window.addEventListener('message', onMessage);
  const off = store.subscribe((s, prev) => {
    if (
      s.scenarioId !== prev.scenarioId ||
      s.step !== prev.step ||
      s.traceStatus !== prev.traceStatus
    )
      send(changed(s));
  });
  send({ type: 'hnsviz/ready', version: BRIDGE_VERSION });
  return () => {
    off();
    window.removeEventListener('message', onMessage);
  };
}
