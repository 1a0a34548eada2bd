/* global document, window */
// The embed demo's host script (external: the page's CSP allows no inline script).
// It drives the second iframe through hnsviz's postMessage API and shows its events.
const frame = document.getElementById('viewer-new');
const events = document.getElementById('events');
const origin = window.location.origin;

const send = (message) => frame.contentWindow?.postMessage(message, origin);

document
  .getElementById('load-overlay')
  .addEventListener('click', () => send({ type: 'hnsviz/load', scenario: 'new-overlay' }));
document
  .getElementById('trace')
  .addEventListener('click', () =>
    send({ type: 'hnsviz/trace', from: 'a1', to: '10.96.10.10:80', proto: 'tcp' }),
  );
document
  .getElementById('step')
  .addEventListener('click', () => send({ type: 'hnsviz/step', step: 3 }));

window.addEventListener('message', (e) => {
  // Only our own iframe, from our own origin.
  if (e.origin !== origin || e.source !== frame.contentWindow) return;
  const m = e.data;
  if (!m || typeof m.type !== 'string' || !m.type.startsWith('hnsviz/')) return;
  const parts = [m.type];
  if ('scenario' in m) parts.push(`scenario=${m.scenario}`);
  if ('step' in m) parts.push(`step=${m.step}`);
  if ('traceStatus' in m) parts.push(`trace=${m.traceStatus}`);
  if (m.verdict) parts.push(`verdict=${m.verdict}`);
  events.textContent = parts.join(' ');
  events.dataset.last = JSON.stringify(m);
});
