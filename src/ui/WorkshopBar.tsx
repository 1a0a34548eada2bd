import type { ViewerMode } from '../state/app-state';
import { isThemeChoice } from '../view-model/theme';
import { DEFAULT_PRESET_ID, presetById } from '../lessons/presets';
import { useAppStore, useStoreApi } from './StoreContext';

const MODES: readonly [ViewerMode, string][] = [
  ['explore', 'Trace'],
  ['compare', 'Compare'],
  ['lesson', 'Lessons'],
  ['matrix', 'Matrix'],
];

/** Default pair of the compare view (journey 1). */
export const DEFAULT_COMPARE = { left: 'old-winnat', right: 'new-l2bridge' } as const;

/** Mode tabs (trace / compare / lessons) and the theme picker. */
export function WorkshopBar() {
  const store = useStoreApi();
  const mode = useAppStore((s) => s.mode);
  const theme = useAppStore((s) => s.theme);
  const preference = useAppStore((s) => s.themePreference);
  const system = useAppStore((s) => s.systemTheme);
  const setMode = (m: ViewerMode): void => {
    const s = store.getState();
    if (m === s.mode) return;
    s.setPlaying(false);
    if (m === 'compare') {
      s.setCompare(DEFAULT_COMPARE);
      if (!s.traceRequest) s.setTraceRequest(presetById(DEFAULT_PRESET_ID)?.request ?? null);
    } else if (s.compare) s.setCompare(null);
    s.setMode(m);
  };
  return (
    <div className="hv-workshop">
      <div className="hv-switcher hv-modes" role="radiogroup" aria-label="Mode">
        {MODES.map(([m, label]) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            onClick={() => setMode(m)}
          >
            {label}
          </button>
        ))}
      </div>
      <label className="hv-theme">
        <span className="hv-wide-only">Theme</span>
        {/* Named on the select itself: the visible word is hidden on narrow screens. */}
        <select
          aria-label="Theme"
          value={preference === 'system' ? 'system' : theme}
          onChange={(e) => {
            if (isThemeChoice(e.target.value)) store.getState().setThemePreference(e.target.value);
          }}
        >
          {system !== null && <option value="system">System ({system})</option>}
          <option value="light">Light</option>
          <option value="dark">Dark</option>
          <option value="projector">Projector</option>
        </select>
      </label>
    </div>
  );
}
