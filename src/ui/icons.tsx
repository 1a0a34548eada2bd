/** Transport icons as inline SVG (icon-font glyphs such as ⏮ are missing from many fonts). */
const PATHS = {
  first: 'M4 3h2v14H4zM17 3v14L7 10z',
  back: 'M15 3v14L5 10z',
  play: 'M6 3v14l11-7z',
  pause: 'M5 3h4v14H5zM11 3h4v14h-4z',
  forward: 'M5 3v14l10-7z',
  last: 'M14 3h2v14h-2zM3 3v14l10-7z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="hv-icon"
      viewBox="0 0 20 20"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
