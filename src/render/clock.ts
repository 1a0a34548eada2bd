/** A clock for animation loops, injectable so tests can drive frames by hand. */
export interface Clock {
  now(): number;
  requestFrame(cb: (time: number) => void): number;
  cancelFrame(id: number): void;
}

/** The browser's clock (performance.now + requestAnimationFrame). */
export const browserClock: Clock = {
  now: () => performance.now(),
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
};
