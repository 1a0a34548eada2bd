/**
 * A member of a source class takes its representative's cell when every hash-based choice of
 * the representative's walk (backend picks, pool ports) replays the same for it, up to their
 * own addresses (see `compute.ts`).
 */
import type { Choice, PreparedChoice } from '../choices';
import { prepareChoice, replayPrepared } from '../choices';
import type { OwnTokens } from './tokens';

/** A representative's choice, prepared for replay, with what it picked. */
export interface RepChoice extends PreparedChoice {
  /** The picked backend (`ip`, `port`) and which of the representative's own addresses it is. */
  readonly ip: number;
  readonly port: number;
  readonly self: number;
}

export function repChoices(choices: readonly Choice[], r: OwnTokens): RepChoice[] {
  return choices.map((ch) => {
    const [ip, port] = ch.kind === 'backend' && ch.pick ? ch.pick(ch.value) : [-1, -1];
    return { ...prepareChoice(ch, r.ips), ip, port, self: r.ips.indexOf(ip) };
  });
}

/**
 * Would `m`'s walk make every choice the representative's walk made (`choices`), up to their
 * own identities? Never when the destination is `m` (swapping the two would move the
 * destination too; the caller checks the representative), unless `self`: then the
 * representative's walk went to its own address at the same place among its addresses, on the
 * same port, and the swap moves the destination with the source.
 */
export function sameChoices(
  m: OwnTokens,
  dst: number,
  choices: readonly RepChoice[],
  sameProgram: boolean,
  self = false,
): boolean {
  const ipM = m.ips;
  if (!self && ipM.includes(dst)) return false;
  for (const c of choices) {
    const ch = c.ch;
    const v = replayPrepared(c, ipM);
    if (ch.kind === 'port' || !ch.pick) {
      if (v !== ch.value) return false;
      continue;
    }
    let ipB = c.ip;
    if (v !== ch.value) {
      const [ip, port] = ch.pick(v);
      if (port !== c.port) return false;
      ipB = ip;
    }
    const selfB = ipM.indexOf(ipB);
    if (c.self !== selfB) return false;
    if (c.self < 0 && c.ip !== ipB) return false;
    // Picked as its own backend: its own port's backend rules now matter too.
    if (c.self >= 0 && !sameProgram) return false;
  }
  return true;
}
