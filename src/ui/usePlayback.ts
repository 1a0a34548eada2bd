import { useEffect, type KeyboardEvent } from 'react';
import type { AppStore } from '../state/create-app-store';
import { eventCount } from '../state/slices/trace-slice';
import { useStoreApi } from './StoreContext';
import { shortcutOf, typingIn } from './shortcuts';

/** Time per step at speed 1 (ms): the packet travels (≤ 900 ms) then dwells. */
export const STEP_MS = 1300;

/** While `playing`, advance one step every STEP_MS / speed (a timer, not per-frame state). */
export function usePlaybackDriver(): void {
  const store = useStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = (): void => {
      if (timer) clearTimeout(timer);
      timer = null;
      const s = store.getState();
      if (!s.playing) return;
      const first = s.step < 0;
      timer = setTimeout(() => store.getState().stepBy(1), first ? 0 : STEP_MS / s.speed);
    };
    const off = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.step !== prev.step || s.speed !== prev.speed) schedule();
    });
    schedule();
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
}

/**
 * Playback keys (see SHORTCUTS): space play/pause, ←/→ step, Home/End first/last. Returns true
 * when handled. Ignored while typing in a field; space is left to buttons (it activates them).
 */
export function handlePlaybackKey(
  store: AppStore,
  e: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): boolean {
  const el = e.target as HTMLElement | null;
  if (typingIn(el)) return false;
  const s = store.getState();
  if (eventCount(s) === 0) return false;
  const key = shortcutOf(e);
  if (key === 'play') {
    if (el?.tagName === 'BUTTON') return false;
    s.setPlaying(!s.playing);
    return true;
  }
  const to =
    key === 'next'
      ? s.step + 1
      : key === 'prev'
        ? s.step - 1
        : key === 'first'
          ? 0
          : key === 'last'
            ? eventCount(s) - 1
            : null;
  if (to === null) return false;
  s.setPlaying(false);
  s.setStep(to);
  return true;
}
