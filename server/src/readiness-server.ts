/**
 * The language server's side of the FMCP7xx checks: keeps a readiness run per project root current
 * as files change (debounced; per-file facts are cached while a file's text is unchanged), publishes
 * the findings as diagnostics on the files concerned — manifests, .gitignore, fastmcp.json and Python
 * files alike — and answers the `fastmcp/readiness` request with the report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic, LintSettings } from './engine';
import { runReadiness, findProjectRoots, scanTree, diskFs, projectInfo, versionsReport, formatVersionsMarkdown, Project, type WorkspaceFs, type ReadinessResult } from './engine/readiness';
import type { PythonFacts } from './engine/readiness/python-facts';

export interface ReadinessRequest {
  /** A directory (absolute path or file URI); default: the first workspace folder. */
  root?: string;
  /** `file.py:obj` relative to the root, when the user picked one. */
  entrypoint?: string;
}

/** Workspaces bigger than this show indexing progress. */
const PROGRESS_THRESHOLD = 300;

export class WorkspaceChecks {
  private trusted: boolean;
  private timer: NodeJS.Timeout | undefined;
  private byFile = new Map<string, Diagnostic[]>();
  private published = new Set<string>();
  private factsCache = new Map<string, { text: string; facts: PythonFacts }>();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private connection: Connection,
    private folders: () => string[],
    /** Unsaved editor text for a path, when the file is open. */
    private overlay: (p: string) => string | undefined,
    private settings: () => Promise<LintSettings>,
    /** Called after the findings changed for open documents, so their lint merges them. */
    private relintOpen: () => void,
    private log: (msg: string) => void,
    trusted: boolean,
  ) {
    this.trusted = trusted;
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.schedule(0);
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  private get fs(): WorkspaceFs {
    return { read: (p) => this.overlay(p) ?? diskFs.read(p), list: diskFs.list };
  }

  /** The FMCP7xx diagnostics for a file (merged into the file's own lint by the server). */
  diagnosticsFor(file: string): Diagnostic[] {
    return this.byFile.get(file) ?? [];
  }

  /** Re-runs the checks after `delay` ms of quiet (file events arrive in bursts). */
  schedule(delay = 400): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.refresh()).catch((e) => this.log(`workspace checks failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`));
    }, delay);
  }

  private async refresh(): Promise<void> {
    const settings = await this.settings();
    const next = new Map<string, Diagnostic[]>();
    for (const folder of this.folders()) {
      const scanned = scanTree(folder, this.fs);
      let progress: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | null = null;
      if (scanned.python.length > PROGRESS_THRESHOLD) {
        progress = await this.connection.window.createWorkDoneProgress().catch(() => null);
        progress?.begin('FastMCP: checking the workspace', 0, `${scanned.python.length} Python files`, false);
      }
      try {
        const roots = findProjectRoots(folder, this.fs, scanned);
        roots.forEach((root, i) => {
          progress?.report(Math.round((i / Math.max(1, roots.length)) * 100), path.relative(folder, root) || path.basename(root));
          const own = { ...scanned, python: scanned.python.filter((f) => f.startsWith(root + path.sep)) };
          // git status is for the report only (FMCP713 has no file to put a diagnostic on).
          const r = runReadiness(root, { trusted: this.trusted, fs: this.fs, factsCache: this.factsCache, settings, gitStatus: false, scanned: own });
          for (const [file, ds] of r.diagnostics) next.set(file, [...(next.get(file) ?? []), ...ds]);
        });
      } finally {
        progress?.done();
      }
    }
    // Forget facts of files that are gone.
    for (const f of this.factsCache.keys()) if (!fs.existsSync(f) && this.overlay(f) === undefined) this.factsCache.delete(f);
    this.byFile = next;
    const uris = new Set<string>();
    for (const [file, ds] of next) {
      if (file.endsWith('.py') && this.overlay(file) !== undefined) continue; // open Python files: their lint merges these
      const uri = pathToFileURL(file).toString();
      uris.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: ds.map((d) => this.toLsp(d)) });
    }
    for (const uri of this.published) if (!uris.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = uris;
    this.relintOpen();
  }

  /** Set by the server: its LSP conversion (code, source, docs link). */
  toLsp: (d: Diagnostic) => LspDiagnostic = (d) => ({ range: d.range, message: d.message, code: d.code, source: 'fastmcp' });

  /** The project root a request means: the given directory, or the one project under a workspace folder. */
  private rootFor(params: ReadinessRequest | undefined): string | null {
    const rootArg = params?.root ? (params.root.startsWith('file:') ? fileURLToPath(params.root) : params.root) : this.folders()[0];
    if (!rootArg) return null;
    let root = path.resolve(rootArg);
    // A root given as a workspace folder holding one project deeper down: check that project.
    if (!params?.entrypoint && !['fastmcp.json', 'pyproject.toml', 'requirements.txt'].some((f) => this.fs.read(path.join(root, f)) !== undefined)) {
      const roots = findProjectRoots(root, this.fs);
      if (roots.length === 1) root = roots[0];
    }
    return root;
  }

  /** `fastmcp/projectInfo`: entrypoint, environment variables, versions and launch facts for the deploy and client commands. */
  async info(params: ReadinessRequest | undefined) {
    const root = this.rootFor(params);
    if (!root) return { error: 'no folder is open' };
    await this.settings();
    const project = new Project(root, { trusted: this.trusted, fs: this.fs, factsCache: this.factsCache, entrypoint: params?.entrypoint, gitStatus: false });
    const versions = versionsReport(project);
    return { ...projectInfo(project), versions, versionsMarkdown: formatVersionsMarkdown(versions) };
  }

  /** `fastmcp/readiness`: the report, with details for the editor's rendering. */
  async request(params: ReadinessRequest | undefined): Promise<(ReadinessResult['report'] & { details: ReadinessResult['details']; candidates: string[]; trusted: boolean }) | { error: string }> {
    const root = this.rootFor(params);
    if (!root) return { error: 'no folder is open' };
    const settings = await this.settings();
    const r = runReadiness(root, { trusted: this.trusted, fs: this.fs, factsCache: this.factsCache, settings, entrypoint: params?.entrypoint, closureErrors: true });
    return { ...r.report, details: r.details, candidates: r.candidates, trusted: this.trusted };
  }
}
