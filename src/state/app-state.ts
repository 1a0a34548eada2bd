import type { SelectionSlice } from './slices/selection-slice';
import type { TopologySlice } from './slices/topology-slice';
import type { UiSlice } from './slices/ui-slice';
import type { ViewSlice } from './slices/view-slice';

/** The whole state of one viewer: the four slices combined. */
export type AppState = TopologySlice & SelectionSlice & ViewSlice & UiSlice;
