/** Where each rule's documentation page lives: bundled beside the server (dist/../docs/rules). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let docsDir: string | null | undefined;

export function rulesDocsDir(): string | null {
  if (docsDir !== undefined) return docsDir;
  for (const c of [path.join(__dirname, '..', 'docs', 'rules'), path.join(__dirname, '..', '..', '..', 'docs', 'rules'), path.join(__dirname, '..', '..', 'docs', 'rules')]) {
    if (fs.existsSync(c)) return (docsDir = c);
  }
  return (docsDir = null);
}

export function ruleDocPath(code: string): string | null {
  const dir = rulesDocsDir();
  return dir ? path.join(dir, `${code}.md`) : null;
}

const bundledUrls = new Map<string, string>();

/** The rule page as a URI: `base` (a web docs root) when configured, else the bundled file. */
export function ruleDocUrl(code: string, base?: string): string {
  if (base) return `${base.replace(/\/$/, '')}/${code}.md`;
  // Every diagnostic of every publish asks: the file URL of a code is made once.
  let url = bundledUrls.get(code);
  if (url === undefined) {
    url = pathToFileURL(ruleDocPath(code) ?? path.join(__dirname, '..', 'docs', 'rules', `${code}.md`)).toString();
    bundledUrls.set(code, url);
  }
  return url;
}
