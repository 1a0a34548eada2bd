/** A byte count for messages: `512 bytes`, `64 KiB`, `1.5 MiB`, `128 MiB` (never "0 MiB"). */
export function formatSize(bytes: number): string {
  const one = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1048576) return `${one(Math.round((bytes / 1024) * 10) / 10)} KiB`;
  return `${one(Math.round((bytes / 1048576) * 10) / 10)} MiB`;
}
