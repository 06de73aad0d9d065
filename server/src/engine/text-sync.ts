/**
 * Keeping a document's line index current under incremental edits without rescanning the whole text:
 * a burst of keystrokes on a large file would otherwise cost a full scan per keystroke.
 * Line breaks are `\r\n`, `\n` and a lone `\r` (the LSP convention, as in computeLineStarts).
 */

/**
 * The line starts of `newText`, which is `oldText` with [start, oldEnd) replaced by `inserted` characters.
 * `oldStarts` are the line starts of the old text. Equal to computeLineStarts(newText).
 */
export function updateLineStarts(oldStarts: number[], newText: string, start: number, oldEnd: number, insertedLength: number): number[] {
  const delta = insertedLength - (oldEnd - start);
  const newEnd = start + insertedLength;
  // Whether position q begins a line depends on the characters at q-1 and q; an edit at `start` can turn a
  // `\r` just before it into half of a `\r\n`, so rescan from one character before the edit.
  const scanFrom = Math.max(0, start - 1);
  const out: number[] = [];
  for (const s of oldStarts) {
    if (s > scanFrom) break;
    out.push(s);
  }
  const scanTo = Math.min(newText.length, newEnd + 1);
  for (let q = scanFrom + 1; q <= scanTo; q++) {
    const prev = newText.charCodeAt(q - 1);
    if (prev === 10 || (prev === 13 && newText.charCodeAt(q) !== 10)) out.push(q);
  }
  // Old starts at q >= oldEnd + 2 depend only on unchanged characters: shift them.
  for (const s of oldStarts) {
    if (s >= oldEnd + 2 && s + delta > scanTo) out.push(s + delta);
  }
  return out;
}
