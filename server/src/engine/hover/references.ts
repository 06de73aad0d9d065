/**
 * The reference documents (docs/references/*.md) split into sections by heading, so that hovers can
 * quote the section a symbol belongs to. Editor-agnostic: the server loads them once at start.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ReferenceSection {
  /** The heading text as written (without the leading `#`s). */
  heading: string;
  level: number;
  /** GitHub-style anchor of the heading (`## Session state` → `session-state`). */
  anchor: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** The markdown between this heading and the next heading of any level. */
  body: string;
}

export interface ReferenceFile {
  /** File name, e.g. `context-features.md`. */
  name: string;
  /** Absolute path when loaded from disk, else null. */
  path: string | null;
  title: string;
  sections: ReferenceSection[];
}

export class ReferenceIndex {
  readonly files = new Map<string, ReferenceFile>();
  constructor(
    /** Directory the files came from (absolute), or null for in-memory indexes. */
    readonly dir: string | null = null,
  ) {}

  add(file: ReferenceFile): void {
    this.files.set(file.name, file);
  }

  /** A section by file name and anchor (or heading text); null when either is missing. */
  section(file: string, anchorOrHeading: string): ReferenceSection | null {
    const f = this.files.get(file);
    if (!f) return null;
    const want = slugify(anchorOrHeading);
    return f.sections.find((s) => s.anchor === anchorOrHeading || s.anchor === want) ?? null;
  }

  /**
   * A plain link target for a file (and section): a `file:` URI with a `#L<line>` fragment when the
   * index was loaded from disk, else the relative doc path with the heading anchor.
   */
  link(file: string, section?: ReferenceSection | null): string {
    const f = this.files.get(file);
    if (f?.path) return pathToFileURL(f.path).href + (section ? `#L${section.line}` : '');
    return `docs/references/${file}` + (section ? `#${section.anchor}` : '');
  }

  static fromTexts(texts: Record<string, string>): ReferenceIndex {
    const idx = new ReferenceIndex(null);
    for (const [name, text] of Object.entries(texts)) idx.add(parseReference(name, text, null));
    return idx;
  }
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function parseReference(name: string, text: string, file: string | null): ReferenceFile {
  const lines = text.split(/\r?\n/);
  const sections: ReferenceSection[] = [];
  let title = name;
  let current: { heading: string; level: number; line: number; body: string[] } | null = null;
  let inFence = false;
  const seen = new Map<string, number>();
  const flush = () => {
    if (!current) return;
    let anchor = slugify(current.heading);
    const n = seen.get(anchor) ?? 0;
    seen.set(anchor, n + 1);
    if (n > 0) anchor = `${anchor}-${n}`;
    sections.push({ heading: current.heading, level: current.level, anchor, line: current.line, body: current.body.join('\n').trim() });
  };
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) {
      flush();
      current = { heading: m[2], level: m[1].length, line: i + 1, body: [] };
      if (m[1].length === 1 && title === name) title = m[2];
      return;
    }
    current?.body.push(line);
  });
  flush();
  return { name, path: file, title, sections };
}

/** Reads every `*.md` file of a directory. A missing directory gives an empty index (hover then shows signatures only). */
export function loadReferences(dir: string): ReferenceIndex {
  const abs = path.resolve(dir);
  const idx = new ReferenceIndex(abs);
  let names: string[] = [];
  try {
    names = fs.readdirSync(abs).filter((n) => n.endsWith('.md'));
  } catch {
    return idx;
  }
  for (const name of names.sort()) {
    try {
      const file = path.join(abs, name);
      idx.add(parseReference(name, fs.readFileSync(file, 'utf8'), file));
    } catch {
      /* an unreadable file is skipped; the others still serve hovers */
    }
  }
  return idx;
}

/**
 * The prose of a section for a hover: paragraphs up to `limit` characters, code fences and tables
 * dropped unless `keepCode`, cut at a paragraph boundary.
 */
export function excerpt(section: ReferenceSection, limit = 900, keepCode = false): string {
  const blocks = section.body.split(/\n\s*\n/);
  const out: string[] = [];
  let size = 0;
  let inFence = false;
  for (const block of blocks) {
    const fenceCount = (block.match(/^\s*(```|~~~)/gm) ?? []).length;
    const isCode = inFence || /^\s*(```|~~~)/.test(block);
    if (fenceCount % 2 === 1) inFence = !inFence;
    if ((isCode && !keepCode) || /^\s*\|/.test(block)) continue;
    if (size + block.length > limit && out.length) {
      out.push('…');
      break;
    }
    out.push(block.trim());
    size += block.length;
  }
  return out.join('\n\n');
}
