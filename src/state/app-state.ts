import type { DumpSlice } from './slices/dump-slice';
import type { SelectionSlice } from './slices/selection-slice';
import type { ShareSlice } from './slices/share-slice';
import type { StorageSlice } from './slices/storage-slice';
import type { TraceSlice } from './slices/trace-slice';
import type { TopologySlice } from './slices/topology-slice';
import type { UiSlice } from './slices/ui-slice';
import type { ViewSlice } from './slices/view-slice';

/** The whole state of one viewer: the slices combined. */
export type AppState = TopologySlice &
  SelectionSlice &
  ViewSlice &
  UiSlice &
  TraceSlice &
  ShareSlice &
  DumpSlice &
  StorageSlice;
