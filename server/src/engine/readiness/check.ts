/**
 * A workspace check: one FMCP7xx code, its metadata and documentation (the same shape as a lint
 * rule's, so docs pages, `select`/`ignore` and hover treat it like any rule), and a function over the
 * workspace model that returns findings — each on a file and line where there is one.
 */
import type { RuleMeta } from '../rules/api';
import type { Range, Severity } from '../types';
import type { ClosureLint } from './closure-lint';
import type { Project } from './workspace';

export interface Finding {
  severity: Severity;
  message: string;
  /** Absolute path of the file concerned, when there is one. */
  path?: string;
  range?: Range;
}

export interface CheckOutcome {
  /** The check cannot be decided here (no manifest, no git, untrusted workspace): why. */
  skip?: string;
  findings: Finding[];
  /** A one-line summary when the check passes (what was checked). */
  passed?: string;
}

export interface CheckContext {
  project: Project;
  closureLint: ClosureLint;
}

export interface ReadinessCheck {
  meta: RuleMeta;
  run(ctx: CheckContext): CheckOutcome;
}

export function defineCheck(check: ReadinessCheck): ReadinessCheck {
  check.meta.scope = 'workspace';
  return check;
}

export const rangeAt = (line: number, start = 0, end = start): Range => ({ start: { line, character: start }, end: { line, character: end } });

/** A range covering the whole of line `line` of `text` (the manifest line, the .gitignore rule). */
export function lineRange(text: string | undefined, line: number): Range {
  const l = (text ?? '').split(/\r?\n/)[line] ?? '';
  const lead = l.length - l.trimStart().length;
  return rangeAt(line, lead, Math.max(lead, l.trimEnd().length));
}

