/**
 * Is code unit `c` (≥ 128) whitespace as a regex's `\s` reads it? The scans split texts by char
 * code with their own ASCII tables; past ASCII both split where `\s` would.
 */
export function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
