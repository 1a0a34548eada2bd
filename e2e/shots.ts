/**
 * Where journey screenshots go. The checked-in copies in e2e/screenshots are refreshed only on
 * request (`npm run screenshots`), so a plain `npm test` leaves the work tree clean; otherwise
 * they land in test-results/ for a look after a failing run.
 */
export const SHOTS =
  process.env.HNSVIZ_SCREENSHOTS === '1' ? 'e2e/screenshots' : 'test-results/screenshots';

export const shot = (name: string) => `${SHOTS}/${name}.png`;
