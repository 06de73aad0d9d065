/** Hover for the server: the engine's hover over the bundled references (docs/references beside dist/). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tree, SyntaxTree } from './engine/parse';
import { modelOrSkip } from './engine/lint';
import { hoverAt, loadReferences, ReferenceIndex, type ResolvedConfig } from './engine';

let references: ReferenceIndex | undefined;

export function referencesDir(): string {
  for (const c of [path.join(__dirname, '..', 'docs', 'references'), path.join(__dirname, '..', '..', 'docs', 'references')]) if (fs.existsSync(c)) return c;
  return path.join(__dirname, '..', 'docs', 'references');
}

export function initHover(): void {
  references ??= loadReferences(referencesDir());
}

export interface HoverInput {
  tree: Tree | SyntaxTree;
  text: string;
  offset: number;
  config: ResolvedConfig;
}

export function hoverForDocument(input: HoverInput): { markdown: string; start: number; end: number } | null {
  initHover();
  const { model } = modelOrSkip(input.tree, input.text);
  if (!model) return null;
  return hoverAt(model, input.offset, { target: input.config.target, references: references! });
}
