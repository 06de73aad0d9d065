/** Lint results for the files of the entrypoint's import closure, shared by the checks of one readiness run. */
import * as path from 'node:path';
import type { Diagnostic } from '../types';
import { lintModel, modelOrSkip } from '../lint';
import { computeLineStarts, parsePython } from '../parse';
import type { FileModel } from '../model/model';
import { configByDirectory } from '../config/settings';
import type { FileView } from '../config/fs';
import { ALL_CODES } from '../rules/registry';
import type { Project } from './workspace';

/** FileView over the project's file system, for configuration resolution inside a readiness run. */
class ProjectView implements FileView {
  constructor(private project: Project) {}
  read(p: string) {
    return this.project.text(p);
  }
  exists(p: string) {
    return this.read(p) !== undefined;
  }
}

/**
 * Lint results for the entrypoint's import closure, computed once per run and at most once per
 * target version (FMCP707 compares the lowest and newest admitted FastMCP).
 */
export class ClosureLint {
  private byVersion = new Map<string, Map<string, Diagnostic[]>>();
  /** Each file's model (the same at every target version): a file is parsed once per run. */
  private models = new Map<string, { model: FileModel; lineStarts: number[] } | null>();
  private view: FileView;
  constructor(private project: Project, view?: FileView) {
    this.view = view ?? new ProjectView(project);
  }

  /** Diagnostics per closure file at `targetVersion` (undefined: each file's own resolved target). */
  at(targetVersion?: string): Map<string, Diagnostic[]> {
    const key = targetVersion ?? '';
    let hit = this.byVersion.get(key);
    if (hit) return hit;
    hit = new Map();
    const configOf = configByDirectory({ view: this.view, codes: ALL_CODES, editor: targetVersion ? { targetVersion } : {}, stopAt: path.dirname(this.project.ignoreRoot) });
    for (const file of this.project.closure) {
      const text = this.project.text(file);
      if (text === undefined || !file.endsWith('.py')) continue;
      const config = configOf(file);
      const ep = this.project.entrypoint;
      const entry = ep && ep.path === file ? { isEntrypoint: true, object: ep.object } : undefined;
      try {
        const m = this.modelOf(file, text);
        hit.set(file, m ? lintModel(m.model, { path: file, config, entrypoint: entry }, m.lineStarts).diagnostics.filter((d) => !d.code.startsWith('FMCP7')) : []);
      } catch {
        hit.set(file, []);
      }
    }
    this.byVersion.set(key, hit);
    return hit;
  }

  /** The file's model, or null when it is not linted (nested too deeply). */
  private modelOf(file: string, text: string): { model: FileModel; lineStarts: number[] } | null {
    let m = this.models.get(file);
    if (m !== undefined) return m;
    const tree = parsePython(text);
    try {
      const made = modelOrSkip(tree, text);
      m = made.model ? { model: made.model, lineStarts: computeLineStarts(text) } : null;
    } finally {
      // The model reads its own copy of the tree.
      tree.delete();
    }
    this.models.set(file, m);
    return m;
  }
}
