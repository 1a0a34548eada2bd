import { describe, expect, it } from 'vitest';
import {
  createUpdateWatcher,
  SKIP_WAITING_MESSAGE,
  type UpdateContainer,
  type UpdateRegistration,
} from './sw-update';

/** A worker: its state, the messages it was sent, and its `statechange` events. */
class FakeWorker extends EventTarget {
  readonly messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(m: unknown): void {
    this.messages.push(m);
  }
  to(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

/** A registration and the page's container, driven the way the browser drives them. */
class FakeBrowser {
  readonly registration = Object.assign(new EventTarget(), {
    installing: null as FakeWorker | null,
    waiting: null as FakeWorker | null,
    active: null as FakeWorker | null,
  });
  readonly container = Object.assign(new EventTarget(), { controller: null as FakeWorker | null });
  reloads = 0;
  readonly watcher = createUpdateWatcher(() => {
    this.reloads += 1;
  });

  /** The page is controlled by an active worker (a visit after the first). */
  static controlled(): FakeBrowser {
    const b = new FakeBrowser();
    b.registration.active = new FakeWorker('activated');
    b.container.controller = b.registration.active;
    return b;
  }
  watch(): this {
    this.watcher.watch(
      this.registration as unknown as UpdateRegistration,
      this.container as unknown as UpdateContainer,
    );
    return this;
  }
  /** A new sw.js was found and installs; it waits when an older worker is active. */
  install(): FakeWorker {
    const w = new FakeWorker('installing');
    this.registration.installing = w;
    this.registration.dispatchEvent(new Event('updatefound'));
    this.registration.installing = null;
    if (this.registration.active) {
      this.registration.waiting = w;
      w.to('installed');
    } else {
      w.to('installed');
      this.activate(w);
    }
    return w;
  }
  /** `w` becomes the active worker and claims the page (clients.claim in sw.js). */
  activate(w: FakeWorker): void {
    if (this.registration.waiting === w) this.registration.waiting = null;
    this.registration.active = w;
    w.to('activated');
    this.container.controller = w;
    this.container.dispatchEvent(new Event('controllerchange'));
  }
}

describe('the service worker update watcher', () => {
  it('says nothing about the first install, which takes over by itself', () => {
    const b = new FakeBrowser().watch();
    b.install();
    expect(b.watcher.getState()).toBe('none');
    expect(b.reloads).toBe(0);
  });

  it('sees a new version waiting, and reloads only when asked, once, after the takeover', () => {
    const b = FakeBrowser.controlled().watch();
    const seen: string[] = [];
    b.watcher.subscribe(() => seen.push(b.watcher.getState()));
    const next = b.install();
    expect(b.watcher.getState()).toBe('ready');
    expect(next.messages).toEqual([]);
    expect(b.reloads).toBe(0);

    b.watcher.apply();
    expect(next.messages).toEqual([SKIP_WAITING_MESSAGE]);
    expect(b.watcher.getState()).toBe('applying');
    expect(b.reloads).toBe(0);

    b.activate(next);
    expect(b.reloads).toBe(1);
    b.container.dispatchEvent(new Event('controllerchange'));
    b.watcher.apply();
    expect(b.reloads).toBe(1);
    expect(seen).toEqual(['ready', 'applying']);
  });

  it('sees a worker that was already waiting when the page loaded', () => {
    const b = FakeBrowser.controlled();
    b.registration.waiting = new FakeWorker('installed');
    b.watch();
    expect(b.watcher.getState()).toBe('ready');
  });

  it('tells a page that another tab applied the update, and reloads it on request', () => {
    const b = FakeBrowser.controlled().watch();
    const next = b.install();
    b.activate(next); // another tab posted skip-waiting
    expect(b.watcher.getState()).toBe('elsewhere');
    expect(b.reloads).toBe(0);
    b.watcher.apply();
    expect(b.reloads).toBe(1);
  });

  it('reloads at once when the waiting worker is gone by the time the reader asks', () => {
    const b = FakeBrowser.controlled().watch();
    b.install();
    b.registration.waiting = null;
    b.watcher.apply();
    expect(b.reloads).toBe(1);
  });

  it('ignores Reload when nothing is waiting', () => {
    const b = FakeBrowser.controlled().watch();
    b.watcher.apply();
    expect(b.reloads).toBe(0);
    expect(b.watcher.getState()).toBe('none');
  });
});
