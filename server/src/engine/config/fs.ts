/** The engine reads project files through this view, so the server can serve unsaved editor buffers and cache. */
import * as fs from 'node:fs';

export interface FileView {
  /** File contents, or undefined when the file does not exist or cannot be read. */
  read(path: string): string | undefined;
  exists(path: string): boolean;
}

/** Reads from disk with a cache; `invalidate` drops entries when the editor reports a file change. */
export class CachedDiskView implements FileView {
  private cache = new Map<string, string | null>();
  read(p: string): string | undefined {
    if (this.cache.has(p)) return this.cache.get(p) ?? undefined;
    let text: string | null = null;
    try {
      const st = fs.statSync(p);
      if (st.isFile() && st.size <= 4 * 1024 * 1024) text = fs.readFileSync(p, 'utf8');
    } catch {
      text = null;
    }
    this.cache.set(p, text);
    return text ?? undefined;
  }
  exists(p: string): boolean {
    return this.read(p) !== undefined;
  }
  invalidate(p?: string): void {
    if (p === undefined) this.cache.clear();
    else this.cache.delete(p);
  }
}
