/** Lint results for the files of the entrypoint's import closure, shared by the checks of one readiness run. */
import * as path from 'node:path';
import type { Diagnostic } from '../types';
import { lintText } from '../lint';
import { resolveConfig } from '../config/settings';
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
    for (const file of this.project.closure) {
      const text = this.project.text(file);
      if (text === undefined || !file.endsWith('.py')) continue;
      const config = resolveConfig(file, { view: this.view, codes: ALL_CODES, editor: targetVersion ? { targetVersion } : {}, stopAt: path.dirname(this.project.ignoreRoot) });
      const ep = this.project.entrypoint;
      const entry = ep && ep.path === file ? { isEntrypoint: true, object: ep.object } : undefined;
      try {
        hit.set(file, lintText(text, { path: file, config, entrypoint: entry }).diagnostics.filter((d) => !d.code.startsWith('FMCP7')));
      } catch {
        hit.set(file, []);
      }
    }
    this.byVersion.set(key, hit);
    return hit;
  }
}
