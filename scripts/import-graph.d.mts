export interface ImportEdge {
  readonly to: string;
  readonly typeOnly: boolean;
}
export function sourceFiles(dir: string): string[];
export function importGraph(root: string, files: readonly string[]): Map<string, ImportEdge[]>;
export function findCycles(adjacency: ReadonlyMap<string, readonly string[]>): string[][];
