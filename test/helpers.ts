/** Shared test helpers: parser init, in-memory project views, and linting a snippet. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParser, lintText, resolveConfig, ALL_CODES, type Diagnostic, type FileView, type LintSettings, type Rule } from '../server/src/engine';

export const ROOT = path.resolve(__dirname, '..');

export class MemoryView implements FileView {
  constructor(private files: Record<string, string> = {}) {}
  read(p: string) {
    return this.files[path.resolve(p)];
  }
  exists(p: string) {
    return this.read(p) !== undefined;
  }
  set(p: string, text: string) {
    this.files[path.resolve(p)] = text;
  }
}

export interface LintSnippetOptions {
  path?: string;
  targetVersion?: string;
  files?: Record<string, string>;
  settings?: LintSettings;
  rules?: readonly Rule[];
  entrypoint?: { isEntrypoint: boolean; object: string | null };
}

export async function lintSnippet(text: string, o: LintSnippetOptions = {}): Promise<Diagnostic[]> {
  await initParser();
  const file = path.resolve(o.path ?? '/project/server.py');
  const view = new MemoryView(Object.fromEntries(Object.entries(o.files ?? {}).map(([k, v]) => [path.resolve(k), v])));
  const editor: LintSettings = { ...(o.settings ?? {}) };
  if (o.targetVersion) editor.targetVersion = o.targetVersion;
  const config = resolveConfig(file, { view, codes: ALL_CODES, editor });
  return lintText(text, { path: file, config, rules: o.rules, entrypoint: o.entrypoint }).diagnostics;
}

/** Everything a user sees of a set of diagnostics, as one string: equal keys, equal results. */
export function diagnosticsKey(ds: Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => [d.code, d.severity, d.range, d.message, d.tags ?? [], d.fixes]));
}

/** Every .py file under `dir`, in a stable order (none when it does not exist). */
export function pyFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...pyFiles(p));
    else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
  }
  return out;
}
