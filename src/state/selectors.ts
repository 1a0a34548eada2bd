import type { ZoomLevel } from '../layout/geometry';
import type { AppState } from './app-state';

/** The semantic zoom level: `port` while a port is expanded, else what the zoom scale says. */
export function selectZoomLevel(s: AppState): ZoomLevel {
  return s.expandedPortId !== null ? 'port' : s.scaleLevel;
}

export const selectTopology = (s: AppState): AppState['topology'] => s.topology;
export const selectSelectedId = (s: AppState): string | null => s.selectedId;
export const selectHoveredId = (s: AppState): string | null => s.hoveredId;
export const selectScenarioId = (s: AppState): string | null => s.scenarioId;
