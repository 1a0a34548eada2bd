/** The viewer's colour themes; `projector` is a light theme with larger text for rooms. */
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export const isTheme = (t: unknown): t is Theme => (THEMES as readonly unknown[]).includes(t);
