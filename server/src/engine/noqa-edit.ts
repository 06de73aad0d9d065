/** "Ignore FMCPxxx for this line": add `# noqa: CODE`, or merge CODE into the line's existing noqa comment. */
import type { TextEdit } from './types';

export function ignoreForLineEdit(text: string, lineStarts: number[], line: number, code: string): TextEdit {
  const start = lineStarts[line] ?? text.length;
  const nextStart = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  let lineText = text.slice(start, nextStart);
  const eolLen = (/\r?\n$|\r$/.exec(lineText)?.[0] ?? '').length;
  lineText = lineText.slice(0, lineText.length - eolLen);
  const noqa = /#\s*noqa\s*:\s*((?:[A-Z]+\d+)(?:\s*,\s*[A-Z]+\d+)*)/i.exec(lineText);
  if (noqa) {
    const codesStart = start + noqa.index + noqa[0].indexOf(noqa[1]);
    const codesEnd = codesStart + noqa[1].length;
    const codes = noqa[1].split(/\s*,\s*/);
    if (codes.includes(code)) return { range: pos(lineStarts, line, codesEnd - start), newText: '' };
    return { range: { start: { line, character: codesEnd - start }, end: { line, character: codesEnd - start } }, newText: `, ${code}` };
  }
  const bareNoqa = /#\s*noqa\s*$/i.exec(lineText);
  if (bareNoqa) {
    // A bare `# noqa` belongs to other linters; add ours as a separate comment rather than narrowing theirs.
  }
  const trimmedEnd = lineText.replace(/\s+$/, '').length;
  return { range: { start: { line, character: trimmedEnd }, end: { line, character: lineText.length } }, newText: `  # noqa: ${code}` };
}

function pos(_lineStarts: number[], line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}
