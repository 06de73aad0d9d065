/** Editor-agnostic types shared by the engine, the language server and the CLI. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

/** 0-based line, 0-based UTF-16 column (the LSP convention; tree-sitter's web binding uses the same units). */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export type FixSafety = 'safe' | 'unsafe';
export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface Diagnostic {
  code: string;
  message: string;
  severity: Severity;
  range: Range;
  /** `deprecated` renders struck through; `unnecessary` faded (LSP DiagnosticTag). */
  tags?: Array<'deprecated' | 'unnecessary'>;
  fixes: Fix[];
}

export type Flavor = 'fastmcp' | 'sdk';
