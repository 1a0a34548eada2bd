/** Public surface of the reachability matrix (pure; see ../README.md § Reachability matrix). */
export type {
  DestinationKind,
  Matrix,
  MatrixCell,
  MatrixDestination,
  MatrixDoc,
  MatrixProto,
  MatrixSource,
  MatrixStats,
} from './types';
export { PENDING_CELL } from './types';
export { destinationsOf, firstColumns, matrixDestinations, matrixSources } from './enumerate';
export { sourceClasses } from './classes';
export { cellOf, cellRequest, decidingHop } from './cell';
export {
  bruteForceMatrix,
  cellAt,
  CellTable,
  computeClass,
  computeMatrix,
  planMatrix,
  tracedRows,
  unplanned,
  type ClassResult,
  type MatrixPlan,
} from './compute';
export {
  checkExpectations,
  CSV_HEADER,
  ExpectFileError,
  formatMatrixText,
  matrixCounts,
  parseExpectFile,
  toMatrixCsv,
  toMatrixDoc,
  type Expectation,
  type ExpectViolation,
  type OutputOptions,
} from './format';
export {
  CHUNK_CHARS,
  chunked,
  dropGroups,
  matrixCsvChunks,
  matrixJsonChunks,
  matrixTextLines,
  type DropGroup,
} from './stream';
export {
  ClassRunner,
  MatrixAssembler,
  PREVIEW_COLUMNS,
  PREVIEW_FIRST_COLUMNS,
  PREVIEW_FIRST_ROWS,
  PREVIEW_ROWS,
  previewBatch,
  previewBatches,
  UNIT_COLUMNS,
  workUnits,
  type AssemblyPlan,
  type ClassBatch,
  type WorkUnit,
} from './assemble';
