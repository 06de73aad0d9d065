/** Applying fixes to text: edits sorted, overlapping ones skipped (a later pass picks them up). */
import { computeLineStarts, offsetAt } from './parse';
import type { Fix, TextEdit } from './types';

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = computeLineStarts(text);
  const spans = edits
    .map((e) => ({ start: offsetAt(lineStarts, text.length, e.range.start), end: offsetAt(lineStarts, text.length, e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    out += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/** Applies whole fixes that do not overlap an earlier one; returns the new text and how many applied. */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number } {
  const lineStarts = computeLineStarts(text);
  const taken: Array<[number, number]> = [];
  const chosen: TextEdit[] = [];
  let applied = 0;
  for (const f of fixes) {
    const spans = f.edits.map((e) => [offsetAt(lineStarts, text.length, e.range.start), offsetAt(lineStarts, text.length, e.range.end)] as [number, number]);
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts && ts === te)));
    if (overlaps) continue;
    taken.push(...spans);
    chosen.push(...f.edits);
    applied++;
  }
  return { text: applyEdits(text, chosen), applied };
}
