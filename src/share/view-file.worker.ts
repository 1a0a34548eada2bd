/**
 * Opens one exported file (SVG or view JSON) off the main thread: reads it, finds the view,
 * parses and validates it, and answers an `ImportResult` (structured-cloned back). Started per
 * file by `importViewFile` (open-view-file.ts).
 */
import { importViewFileHere, type ImportResult } from './open-view-file';

interface Request {
  readonly file: File;
  readonly knownScenarios: readonly string[];
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(m: ImportResult): void;
};

scope.onmessage = (e) => {
  const { file, knownScenarios } = e.data;
  void importViewFileHere(file, knownScenarios).then((r) => scope.postMessage(r));
};
