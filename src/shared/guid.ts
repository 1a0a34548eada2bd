/**
 * Deterministic GUIDs for built-in scenarios: the same key always gives the same id, so
 * lessons, tests and links can name objects, while the scenario still looks like a dump
 * (HNS ids are GUIDs). Not a UUID v5: four FNV-1a hashes with different seeds.
 */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `guidFromKey('endpoint:win-a:a1')` → a lower-case GUID like `3f2a…-…`. */
export function guidFromKey(key: string): string {
  const hex = [1, 2, 3, 4]
    .map((s) =>
      fnv1a(key, s * 0x9e3779b1)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
