/**
 * Generates the template snippets in snippets/ from the files in templates/ (the source of truth).
 *   node --import tsx scripts/gen-snippets.ts           write snippets/{python,dotenv,pip-requirements,toml}.json
 *   node --import tsx scripts/gen-snippets.ts --check   exit 1 (listing the files) when they are stale
 * Hand-written construct snippets live in snippets/python-constructs.json and are not touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMPLATES, parseTemplate, placeholderPattern, type TemplateInfo, type TemplateLanguage } from '../server/src/engine/templates';
import { escapeSnippetText } from './snippet-syntax';

export const ROOT = path.resolve(__dirname, '..');
export const SNIPPET_FILES: Record<TemplateLanguage, string> = {
  python: 'snippets/python.json',
  dotenv: 'snippets/dotenv.json',
  'pip-requirements': 'snippets/pip-requirements.json',
  toml: 'snippets/toml.json',
};

export interface SnippetDef {
  prefix: string;
  description: string;
  body: string[];
}

/** One template's snippet: placeholders become tab stops (first occurrence) and mirrors (the rest). */
export function templateSnippet(info: TemplateInfo, text: string): SnippetDef {
  const parsed = parseTemplate(text);
  const body = parsed.body.replace(/^\n+/, '').replace(/\n+$/, '');
  let out = '';
  if (parsed.placeholders.length === 0) out = escapeSnippetText(body);
  else {
    // Longest default first so that overlapping defaults prefer the longer text.
    const ordered = [...parsed.placeholders].sort((a, b) => b.text.length - a.text.length);
    const re = new RegExp(ordered.map((p) => `(${placeholderPattern(p.text)})`).join('|'), 'g');
    const seen = new Set<number>();
    let last = 0;
    for (const m of body.matchAll(re)) {
      const p = ordered[m.slice(1).findIndex((g) => g !== undefined)];
      out += escapeSnippetText(body.slice(last, m.index));
      out += seen.has(p.index) ? `\${${p.index}}` : `\${${p.index}:${escapeSnippetText(p.text)}}`;
      seen.add(p.index);
      last = m.index! + m[0].length;
    }
    out += escapeSnippetText(body.slice(last));
    for (const p of parsed.placeholders) if (!seen.has(p.index)) throw new Error(`${info.file}: placeholder $${p.index} text ${JSON.stringify(p.text)} does not occur`);
  }
  return { prefix: `fastmcp-${info.name}`, description: info.description, body: out.split('\n') };
}

/** The generated snippet files: path (relative to ROOT) → content. */
export function generate(root = ROOT): Map<string, string> {
  const byFile = new Map<string, Record<string, SnippetDef>>();
  for (const lang of Object.keys(SNIPPET_FILES) as TemplateLanguage[]) byFile.set(SNIPPET_FILES[lang], {});
  for (const t of TEMPLATES) {
    const text = fs.readFileSync(path.join(root, 'templates', t.file), 'utf8');
    const title = parseTemplate(text).title ?? t.name;
    byFile.get(SNIPPET_FILES[t.language])![`FastMCP template: ${title}`] = templateSnippet(t, text);
  }
  const out = new Map<string, string>();
  for (const [file, snippets] of byFile) out.set(file, JSON.stringify(snippets, null, 2) + '\n');
  return out;
}

/** Files whose content differs from what generate() produces. */
export function staleFiles(root = ROOT): string[] {
  const stale: string[] = [];
  for (const [file, content] of generate(root)) {
    const p = path.join(root, file);
    if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== content) stale.push(file);
  }
  return stale;
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`stale generated snippets: ${stale.join(', ')}\nrun: node --import tsx scripts/gen-snippets.ts`);
      process.exit(1);
    }
    console.log('snippets are up to date');
  } else {
    for (const [file, content] of generate()) {
      fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
      fs.writeFileSync(path.join(ROOT, file), content);
      console.log(`wrote ${file}`);
    }
  }
}
