/** The viewer's colour themes; `projector` is a light theme with larger text for rooms. */
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export const isTheme = (t: unknown): t is Theme => (THEMES as readonly unknown[]).includes(t);

/** What the operating system asks for (`prefers-color-scheme`). */
export type SystemTheme = 'light' | 'dark';

/** A person's theme preference: one theme, or whatever the operating system asks for. */
export type ThemeChoice = Theme | 'system';

export const isThemeChoice = (t: unknown): t is ThemeChoice => t === 'system' || isTheme(t);

/** The theme a preference shows while the system asks for `system`. */
export const resolveTheme = (choice: ThemeChoice, system: SystemTheme): Theme =>
  choice === 'system' ? system : choice;
