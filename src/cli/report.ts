/** Text lines shared by the commands that read dumps. */
import type { ParseResult } from '../parsers/index';

export function diagnosticLines(r: Pick<ParseResult, 'diagnostics'>): string[] {
  return r.diagnostics.map((d) => {
    const where = d.line > 0 ? `${d.input}:${d.line}:${d.column}` : d.input;
    return `${where}: ${d.severity} ${d.code}: ${d.message}${d.hint ? `\n    hint: ${d.hint}` : ''}`;
  });
}

export function inputLines(r: Pick<ParseResult, 'inputs'>): string[] {
  return r.inputs.map(
    (i) =>
      `${i.name}: ${i.format} (${i.encoding}${i.newline === 'crlf' ? ', CRLF' : ''}), ${i.objects} object(s)`,
  );
}

export function hasErrors(r: Pick<ParseResult, 'diagnostics'>): boolean {
  return r.diagnostics.some((d) => d.severity === 'error');
}
