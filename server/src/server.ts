/**
 * The FastMCP language server: LSP wiring only. Every answer comes from the engine, the same one the
 * CLI uses. Runs over stdio (`--stdio`) for any editor, or node IPC when VS Code starts it.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  DiagnosticTag,
  CodeActionKind,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type TextDocumentContentChangeEvent,
  type WorkspaceFolder,
  type RequestMessage,
  type ResponseMessage,
  type Message,
  ResponseError,
  LSPErrorCodes,
} from 'vscode-languageserver/node';
import {
  initParser,
  newParser,
  lintTree,
  computeLineStarts,
  offsetAt,
  positionAt,
  editFor,
  applyFixes,
  parsePython,
  resolveConfig,
  CachedDiskView,
  ALL_CODES,
  RULES_BY_CODE,
  type Diagnostic,
  type LintSettings,
  type ConfigurationPreference,
  type ResolvedConfig,
  type Suppression,
} from './engine';
import type { Tree } from './engine/parse';
import { DocumentLinter } from './engine/incremental';
import { skipReason, DEFAULT_MAX_FILE_BYTES } from './engine/limits';
import { ruleDocUrl } from './engine/docs-link';
import { ignoreForLineEdit } from './engine/noqa-edit';
import { hoverForDocument, initHover } from './hover-bridge';
import { updateLineStarts } from './engine/text-sync';
import { wasmHeapBytes, getSharedParser } from './engine/parse';
import { releaseSyntax } from './engine/syntax';
import { compactHeap, type CompactedBy } from './heap';
import { brokenness, fixKeepsParse } from './engine/fix-check';
import { WorkspaceChecks, type ReadinessRequest } from './readiness-server';

const VERSION = '0.1.0';
/** Documents that keep a syntax tree between uses (the most recently linted, hovered or edited ones). */
const MAX_TREES = 8;
/** Heap compaction after closes: how long closes must pause, and how much must have been closed. */
const CLOSE_QUIET_MS = 200;
const COMPACT_AFTER_DOCS = 20;
const COMPACT_AFTER_BYTES = 1024 * 1024;

interface Doc {
  uri: string;
  path: string;
  version: number;
  text: string;
  lineStarts: number[];
  tree: Tree | null;
  languageId: string;
  /** The last lint of this document, kept for code actions and hover. */
  last?: { version: number; diagnostics: Diagnostic[]; suppressions: Suppression[]; config: ResolvedConfig };
  timer?: NodeJS.Timeout;
  skipped?: string | null;
  /** Time spent applying changes (the text, the line index and an edit of the tree) since the last lint: part of what a keystroke costs. */
  reparseMs: number;
  /** Typed in since it was opened: only such documents keep their tree for incremental reparsing. */
  edited?: boolean;
  /** The tree has been edited but not reparsed: changes only edit it, the next lint or hover reparses. */
  stale?: boolean;
  /** The size limit in force at the last lint (hover must not parse a file lint would skip). */
  maxBytes?: number;
  /** Lints only the edited statement again when a keystroke stays inside a function body. */
  linter: DocumentLinter;
  /** The configuration the last lint resolved, for the settings it was resolved with (`configGeneration`). */
  config?: { generation: number; settings: EditorSettings; value: ResolvedConfig };
}

interface EditorSettings {
  enable: boolean;
  lint: { select?: string[]; ignore?: string[]; extendSelect?: string[]; maxFileSize?: number; debounceMs?: number };
  rules: { customizations?: Record<string, string> };
  targetVersion?: string;
  configurationPreference: ConfigurationPreference;
}

const DEFAULT_SETTINGS: EditorSettings = { enable: true, lint: {}, rules: {}, configurationPreference: 'editorFirst' };

export function startServer(connection: Connection): void {
  const docs = new Map<string, Doc>();
  const view = new CachedDiskView();
  let folders: WorkspaceFolder[] = [];
  let hasConfigurationCapability = false;
  let timingEnabled = false;
  let docsBaseUrl: string | undefined;
  let defaultSettings: EditorSettings = DEFAULT_SETTINGS;
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  /** Counts the changes of settings, watched files and workspace folders: each one resolves configurations again. */
  let configGeneration = 0;
  let parserReady: Promise<unknown> = Promise.resolve();
  let parser: ReturnType<typeof newParser> | null = null;

  const log = (msg: string) => connection.console.log(`[fastmcp] ${msg}`);
  // FMCP7xx project checks; an editor that says nothing about trust (not VS Code) is trusted.
  const checks = new WorkspaceChecks(
    connection,
    () => folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p),
    (p) => [...docs.values()].find((d) => d.path === p)?.text,
    async () => {
      await parserReady;
      return editorLintSettings(folders[0] ? await settingsFor(folders[0].uri) : defaultSettings);
    },
    () => relintAll(),
    log,
    true,
  );
  checks.toLsp = (d) => toLsp(d, docsBaseUrl);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as { timing?: boolean; docsBaseUrl?: string; settings?: Partial<EditorSettings> };
    timingEnabled = !!init.timing;
    if ((init as { trusted?: boolean }).trusted === false) checks.setTrusted(false);
    docsBaseUrl = init.docsBaseUrl;
    if (init.settings) defaultSettings = normalizeSettings(init.settings);
    parserReady = initParser()
      .then(() => {
        parser = getSharedParser();
        initHover();
      })
      .catch((e) => log(`parser failed to load: ${e instanceof Error ? e.message : e}`));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.fastmcp'], resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fastmcp-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) connection.client.register(DidChangeConfigurationNotification.type, { section: 'fastmcp' }).catch(() => undefined);
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
      relintAll();
      checks.schedule();
    });
    checks.schedule(0);
  });

  const isPython = (d: Doc) => d.languageId === 'python' || d.path.endsWith('.py') || d.path.endsWith('.pyi');

  async function settingsFor(uri: string): Promise<EditorSettings> {
    if (!hasConfigurationCapability) return defaultSettings;
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'fastmcp' })
        .then((raw) => normalizeSettings(raw ?? {}))
        .catch(() => defaultSettings);
      settingsCache.set(uri, p);
    }
    return p;
  }

  function folderOf(p: string): string | undefined {
    let best: string | undefined;
    for (const f of folders) {
      const fp = uriToPath(f.uri);
      if (fp && (p === fp || p.startsWith(fp + path.sep)) && (!best || fp.length > best.length)) best = fp;
    }
    return best;
  }

  function schedule(doc: Doc, delay: number) {
    if (doc.timer) clearTimeout(doc.timer);
    doc.timer = setTimeout(() => {
      doc.timer = undefined;
      // The delay may have run out while the server was busy (a long hover) with more changes already
      // received: two turns of the event loop let those be read first, and a newer version lints instead.
      const version = doc.version;
      setImmediate(() =>
        setImmediate(() => {
          if (doc.version === version && docs.get(doc.uri) === doc) void lint(doc);
        }),
      );
    }, delay);
  }

  async function lint(doc: Doc): Promise<void> {
    await parserReady;
    const version = doc.version;
    try {
      const settings = await settingsFor(doc.uri);
      if (docs.get(doc.uri) !== doc || doc.version !== version) return; // a newer change will lint
      if (!settings.enable || !isPython(doc)) {
        void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] });
        return;
      }
      const started = performance.now();
      doc.maxBytes = settings.lint.maxFileSize ?? DEFAULT_MAX_FILE_BYTES;
      doc.skipped = skipReason(doc.text, doc.maxBytes);
      if (doc.skipped) {
        freeTree(doc);
        log(`${doc.path}: ${doc.skipped}`);
        void connection.sendDiagnostics({
          uri: doc.uri,
          version,
          diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'fastmcp', message: `FastMCP lint ${doc.skipped}` }],
        });
        return;
      }
      let config: ResolvedConfig;
      // Resolved again only when the settings, a watched file or the workspace folders changed (`relintAll`).
      if (doc.config && doc.config.generation === configGeneration && doc.config.settings === settings) config = doc.config.value;
      else {
        config = resolveConfig(doc.path, { view, codes: ALL_CODES, editor: editorLintSettings(settings, logOnce), preference: settings.configurationPreference, stopAt: folderOf(doc.path) });
        for (const p of config.problems) logOnce(`${p.file}:${p.line + 1}: ${p.message}`);
        doc.config = { generation: configGeneration, settings, value: config };
      }
      // After edits inside one statement only that statement is parsed; otherwise the file is reparsed.
      let result = doc.linter.lintEdited(doc.text, { path: doc.path, config }, doc.lineStarts);
      if (result) {
        if (doc.tree) touchTree(doc);
      } else {
        ensureTree(doc);
        result = doc.linter.lint(doc.tree!, doc.text, { path: doc.path, config }, doc.lineStarts);
      }
      if (docs.get(doc.uri) !== doc || doc.version !== version) return; // stale: drop
      if (result.skipped) {
        doc.skipped = result.skipped;
        freeTree(doc);
        logOnce(`${doc.path}: ${result.skipped}`);
        void connection.sendDiagnostics({
          uri: doc.uri,
          version,
          diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'fastmcp', message: `FastMCP lint ${result.skipped}` }],
        });
        return;
      }
      doc.last = { version, diagnostics: result.diagnostics, suppressions: result.suppressions, config };
      const diagnostics = [...result.diagnostics, ...checks.diagnosticsFor(doc.path)].map((d) => toLsp(d, docsBaseUrl));
      const lintMs = performance.now() - started;
      const reparseMs = doc.reparseMs;
      doc.reparseMs = 0;
      // A tree costs several times its text in wasm memory, which never shrinks; documents only opened
      // (a workspace of tabs) give theirs back and parse again on their first edit.
      if (!doc.edited) {
        freeTree(doc);
        doc.linter.reset();
      }
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
      void connection.sendNotification('fastmcp/status', {
        uri: doc.uri,
        flavor: result.flavor,
        targetVersion: config.target.version,
        targetSource: config.target.source,
        configFile: config.configFile,
        ruleCount: RULES_BY_CODE.size,
      });
      // `ms` is what the keystroke cost the server: applying the change on didChange plus this lint, which starts with
      // the parse (of the edited statement alone, or an incremental reparse of the file; the debounce wait is not
      // work). The field names are the protocol's.
      if (timingEnabled) void connection.sendNotification('fastmcp/timing', { uri: doc.uri, version, ms: reparseMs + lintMs, reparseMs, lintMs, incremental: result.mode === 'segment', statementOnly: result.parsed === 'statement' });
    } catch (e) {
      log(`lint failed for ${doc.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  const logged = new Set<string>();
  function logOnce(msg: string) {
    if (logged.has(msg)) return;
    // Bounded: a workspace that produces endless distinct problems must not grow the server's memory.
    if (logged.size >= 1000) logged.clear();
    logged.add(msg);
    log(msg);
  }

  /**
   * The documents that hold a tree, least recently used first. wasm memory never shrinks, so at most
   * MAX_TREES trees live at a time: using a tree moves its document to the end, and the tree of the
   * document used longest ago is freed; that document is parsed again in full when next needed (an
   * incremental reparse is only a speed-up: both give the same tree).
   */
  const withTree = new Set<Doc>();

  function ensureTree(doc: Doc) {
    if (doc.tree && !doc.stale) {
      touchTree(doc);
      return;
    }
    const old = doc.tree;
    // Reparse incrementally from the edited tree; wasm memory is not garbage-collected, so the old tree is freed here.
    const t = parser ? parser.parse(doc.text, old ?? undefined) : null;
    old?.delete();
    doc.tree = t ?? parsePython(doc.text);
    doc.stale = false;
    touchTree(doc);
  }

  function touchTree(doc: Doc) {
    withTree.delete(doc);
    withTree.add(doc);
    for (const d of withTree) {
      if (withTree.size <= MAX_TREES) break;
      if (d !== doc) freeTree(d);
    }
  }

  function freeTree(doc: Doc) {
    doc.linter.forgetSyntax();
    doc.tree?.delete();
    doc.tree = null;
    doc.stale = false;
    withTree.delete(doc);
  }

  /**
   * After a burst of closes (closing a workspace of tabs), the JavaScript heap keeps the size the burst of
   * opens grew it to until V8 gets round to shrinking it. Once closes stop for CLOSE_QUIET_MS and enough
   * was closed since the last time, one memory-reducing collection gives it back (see heap.ts).
   */
  let closedSinceCompact = { docs: 0, bytes: 0 };
  let compactTimer: NodeJS.Timeout | undefined;
  const compactions: { count: number; by: CompactedBy } = { count: 0, by: null };
  function noteClosed(doc: Doc) {
    closedSinceCompact.docs++;
    closedSinceCompact.bytes += doc.text.length;
    if (compactTimer) clearTimeout(compactTimer);
    compactTimer = setTimeout(compactAfterCloses, CLOSE_QUIET_MS);
    compactTimer.unref();
  }
  function compactAfterCloses() {
    compactTimer = undefined;
    if (closedSinceCompact.docs < COMPACT_AFTER_DOCS && closedSinceCompact.bytes < COMPACT_AFTER_BYTES) return;
    // Not while a lint is due: a keystroke must not wait for the collection.
    for (const d of docs.values()) {
      if (d.timer) {
        compactTimer = setTimeout(compactAfterCloses, CLOSE_QUIET_MS);
        compactTimer.unref();
        return;
      }
    }
    closedSinceCompact = { docs: 0, bytes: 0 };
    compactHeap((by) => {
      compactions.count++;
      compactions.by = by;
    });
  }

  function relintAll() {
    configGeneration++;
    settingsCache.clear();
    for (const d of docs.values()) schedule(d, 0);
  }

  connection.onDidOpenTextDocument(async ({ textDocument: td }) => {
    const doc: Doc = { uri: td.uri, path: uriToPath(td.uri) ?? td.uri, version: td.version, text: td.text, lineStarts: computeLineStarts(td.text), tree: null, languageId: td.languageId, reparseMs: 0, linter: new DocumentLinter() };
    const old = docs.get(td.uri);
    if (old) closeDoc(old);
    docs.set(td.uri, doc);
    await lint(doc);
  });

  connection.onDidChangeTextDocument(async ({ textDocument, contentChanges }) => {
    const doc = docs.get(textDocument.uri);
    if (!doc) return;
    const started = performance.now();
    try {
      applyChanges(doc, contentChanges);
    } catch (e) {
      log(`could not apply change to ${doc.path}: ${e instanceof Error ? e.message : e}`);
      freeTree(doc);
      doc.linter.reset();
    }
    doc.reparseMs += performance.now() - started;
    doc.edited = true;
    doc.version = textDocument.version;
    doc.last = undefined;
    const settings = await settingsFor(doc.uri);
    schedule(doc, settings.lint.debounceMs ?? 120);
  });

  function applyChanges(doc: Doc, changes: TextDocumentContentChangeEvent[]) {
    for (const ch of changes) {
      if (!('range' in ch) || !ch.range) {
        doc.text = ch.text;
        doc.lineStarts = computeLineStarts(doc.text);
        freeTree(doc);
        doc.linter.reset();
        continue;
      }
      const edit = editFor(doc.text, doc.lineStarts, ch.range, ch.text);
      doc.linter.noteEdit({ start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex });
      doc.text = doc.text.slice(0, edit.startIndex) + ch.text + doc.text.slice(edit.oldEndIndex);
      doc.lineStarts = updateLineStarts(doc.lineStarts, doc.text, edit.startIndex, edit.oldEndIndex, ch.text.length);
      if (doc.tree) {
        doc.tree.edit(edit);
        doc.stale = true;
      }
    }
    // No reparse here: a burst of keystrokes costs one reparse, when the debounced lint (or a hover) needs the tree.
    if (skipReason(doc.text, doc.maxBytes ?? DEFAULT_MAX_FILE_BYTES)) freeTree(doc);
  }

  function closeDoc(doc: Doc) {
    if (doc.timer) clearTimeout(doc.timer);
    doc.linter.reset();
    freeTree(doc);
    doc.last = undefined;
  }

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const doc = docs.get(textDocument.uri);
    if (!doc) return;
    closeDoc(doc);
    docs.delete(textDocument.uri);
    settingsCache.delete(textDocument.uri);
    noteClosed(doc);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    relintAll();
    checks.schedule();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      const p = uriToPath(c.uri);
      if (p) view.invalidate(p);
    }
    relintAll();
    checks.schedule();
  });

  connection.onCodeAction((params, token): CodeAction[] => {
    try {
      const doc = docs.get(params.textDocument.uri);
      if (!doc?.last || doc.last.version !== doc.version || token.isCancellationRequested) return [];
      const only = params.context.only;
      const wantsFixAll = !only || only.some((k) => 'source.fixAll.fastmcp'.startsWith(k) || k === CodeActionKind.Source || k === CodeActionKind.SourceFixAll);
      const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k === CodeActionKind.QuickFix);
      const actions: CodeAction[] = [];
      if (wantsQuickFix) {
        const start = offsetAt(doc.lineStarts, doc.text.length, params.range.start);
        const end = offsetAt(doc.lineStarts, doc.text.length, params.range.end);
        for (const d of doc.last.diagnostics) {
          const ds = offsetAt(doc.lineStarts, doc.text.length, d.range.start);
          const de = offsetAt(doc.lineStarts, doc.text.length, d.range.end);
          if (de < start || ds > end) continue;
          const lsp = toLsp(d, docsBaseUrl);
          // Offer only fixes that leave the file parsing no worse than now (a half-typed file can misplace an edit).
          const before = brokenFor(doc);
          d.fixes.filter((f) => fixKeepsParse(doc.text, before, [f])).forEach((f, i) =>
            actions.push({
              title: f.safety === 'unsafe' ? `${f.title} (review: may change behaviour)` : f.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [lsp],
              isPreferred: i === 0 && f.safety === 'safe',
              edit: { changes: { [doc.uri]: f.edits } },
            }),
          );
          const ignore = d.code !== 'FMCP000' ? ignoreForLineEdit(doc.text, doc.lineStarts, d.range.start.line, d.code) : null;
          if (ignore && fixKeepsParse(doc.text, brokenFor(doc), [{ title: '', safety: 'safe', edits: [ignore] }])) {
            actions.push({
              title: `Ignore ${d.code} for this line`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [lsp],
              edit: { changes: { [doc.uri]: [ignore] } },
            });
          }
          actions.push({
            title: `Show documentation for ${d.code}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [lsp],
            command: { title: `Show documentation for ${d.code}`, command: 'fastmcp.showRuleDocumentation', arguments: [d.code] },
          });
        }
      }
      if (wantsFixAll && (only?.length ?? 0) > 0) {
        const fixed = fixAllText(doc);
        if (fixed !== null && fixed !== doc.text) {
          const end = positionAt(doc.lineStarts, doc.text.length);
          actions.push({
            title: 'FastMCP: Fix all auto-fixable problems',
            kind: 'source.fixAll.fastmcp',
            edit: { changes: { [doc.uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: fixed }] } },
          });
        }
      }
      return actions;
    } catch (e) {
      log(`code actions failed: ${e instanceof Error ? e.message : e}`);
      return [];
    }
  });

  /** How broken the document's current parse is, computed once per version. */
  const brokenCache = new WeakMap<Doc, { version: number; n: number }>();
  function brokenFor(doc: Doc): number {
    const c = brokenCache.get(doc);
    if (c && c.version === doc.version) return c.n;
    // The lint's copy of this text, when it has no syntax error, answers without bringing the tree up to date.
    const copy = doc.linter.syntaxFor(doc.text);
    let n = 0;
    if (!copy || copy.rootNode.hasError) {
      ensureTree(doc);
      n = doc.tree ? brokenness(doc.tree) : 0;
    }
    brokenCache.set(doc, { version: doc.version, n });
    return n;
  }

  /** Applies safe fixes until nothing changes (at most 10 passes), re-linting in between. */
  function fixAllText(doc: Doc): string | null {
    if (!doc.last) return null;
    let text = doc.text;
    let diags = doc.last.diagnostics;
    for (let pass = 0; pass < 10; pass++) {
      const safe = diags.flatMap((d) => d.fixes.filter((f) => f.safety === 'safe').slice(0, 1));
      if (!safe.length) break;
      const next = applyFixes(text, safe).text;
      if (next === text) break;
      const tree = parsePython(next);
      try {
        if (tree.rootNode.hasError && brokenFor(doc) === 0) break; // never trade a parsing file for a broken one
        text = next;
        diags = lintTree(tree, text, { path: doc.path, config: doc.last.config }).diagnostics;
      } finally {
        tree.delete();
      }
    }
    return text;
  }

  connection.onHover((params, token): Hover | null => {
    try {
      const doc = docs.get(params.textDocument.uri);
      if (!doc || token.isCancellationRequested || doc.skipped || !isPython(doc) || skipReason(doc.text, doc.maxBytes ?? DEFAULT_MAX_FILE_BYTES)) return null;
      // The lint's copy of this text answers when there is one; otherwise the tree is brought up to date.
      if (!doc.linter.syntaxFor(doc.text)) ensureTree(doc);
      const offset = offsetAt(doc.lineStarts, doc.text.length, params.position);
      let h: ReturnType<typeof hoverForDocument>;
      try {
        h = hoverForDocument({ tree: doc.linter.syntaxFor(doc.text) ?? doc.tree!, text: doc.text, offset, config: doc.last?.config ?? resolveConfig(doc.path, { view, codes: ALL_CODES, stopAt: folderOf(doc.path) }) });
      } finally {
        if (doc.tree) releaseSyntax(doc.tree);
      }
      if (!h) return null;
      return { contents: { kind: 'markdown', value: h.markdown }, range: { start: positionAt(doc.lineStarts, h.start), end: positionAt(doc.lineStarts, h.end) } };
    } catch (e) {
      log(`hover failed: ${e instanceof Error ? e.message : e}`);
      return null;
    }
  });

  connection.onRequest('fastmcp/readiness', async (params: ReadinessRequest | undefined) => {
    await parserReady;
    try {
      return await checks.request(params);
    } catch (e) {
      log(`readiness failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  connection.onRequest('fastmcp/projectInfo', async (params: ReadinessRequest | undefined) => {
    await parserReady;
    try {
      return await checks.info(params);
    } catch (e) {
      log(`project info failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  connection.onNotification('fastmcp/trust', (p: { trusted?: boolean }) => checks.setTrusted(p?.trusted !== false));

  connection.onRequest('fastmcp/debugInfo', async (params: { uri?: string; gc?: boolean }) => {
    // With `gc: true` (and node --expose-gc) the figures are measured after a collection: the load test compares them.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (params?.gc && gc) gc();
    const doc = params?.uri ? docs.get(params.uri) : undefined;
    const settings = params?.uri ? await settingsFor(params.uri) : defaultSettings;
    const config = doc ? resolveConfig(doc.path, { view, codes: ALL_CODES, editor: editorLintSettings(settings), preference: settings.configurationPreference, stopAt: folderOf(doc.path) }) : null;
    return {
      server: VERSION,
      node: process.version,
      rules: RULES_BY_CODE.size,
      openDocuments: docs.size,
      workspaceFolders: folders.map((f) => f.uri),
      document: doc ? { uri: doc.uri, version: doc.version, skipped: doc.skipped ?? null, diagnostics: doc.last?.diagnostics.length ?? null, hasTree: !!doc.tree } : null,
      trees: { held: withTree.size, max: MAX_TREES },
      heapCompactions: { ...compactions },
      editorSettings: settings,
      resolved: config ? { configFile: config.configFile, targetVersion: config.target.version, targetSource: config.target.source, settings: config.settings, problems: config.problems } : null,
      memory: process.memoryUsage(),
      wasmHeapBytes: wasmHeapBytes(),
    };
  });

  connection.onShutdown(() => {
    for (const d of docs.values()) closeDoc(d);
    docs.clear();
  });

  connection.listen();
}

function normalizeSettings(raw: Partial<EditorSettings> & Record<string, unknown>): EditorSettings {
  // Settings come from the user's JSON: any key may hold any type.
  const lint = (isPlainObject(raw.lint) ? raw.lint : {}) as EditorSettings['lint'];
  const pref = raw.configurationPreference;
  return {
    enable: raw.enable !== false,
    lint: {
      select: Array.isArray(lint.select) && lint.select.length ? lint.select.filter((s) => typeof s === 'string') : undefined,
      ignore: Array.isArray(lint.ignore) && lint.ignore.length ? lint.ignore.filter((s) => typeof s === 'string') : undefined,
      extendSelect: Array.isArray(lint.extendSelect) && lint.extendSelect.length ? lint.extendSelect.filter((s) => typeof s === 'string') : undefined,
      maxFileSize: typeof lint.maxFileSize === 'number' && lint.maxFileSize > 0 ? lint.maxFileSize : undefined,
      debounceMs: typeof lint.debounceMs === 'number' && lint.debounceMs >= 0 ? lint.debounceMs : undefined,
    },
    rules: { customizations: isPlainObject(raw.rules) && isPlainObject(raw.rules.customizations) ? raw.rules.customizations : {} },
    targetVersion: typeof raw.targetVersion === 'string' && raw.targetVersion.trim() ? raw.targetVersion.trim() : undefined,
    configurationPreference: pref === 'filesystemFirst' || pref === 'editorOnly' ? pref : 'editorFirst',
  };
}

function isPlainObject(v: unknown): v is Record<string, string> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function editorLintSettings(s: EditorSettings, warn: (msg: string) => void = () => undefined): LintSettings {
  const out: LintSettings = {};
  const valid = (list: string[] | undefined, key: string) => {
    const good = list?.filter((c) => {
      const ok = c.trim() !== '' && (ALL_CODES.some((k) => k.startsWith(c.toUpperCase())) || c.toUpperCase() === 'ALL');
      if (!ok) warn(`setting fastmcp.lint.${key}: unknown rule code ${JSON.stringify(c)} ignored`);
      return ok;
    });
    // A list of nothing but unknown codes falls back to the default instead of turning every rule off.
    return good?.length ? good.map((c) => c.toUpperCase()) : undefined;
  };
  if (s.lint.select) out.select = valid(s.lint.select, 'select');
  if (s.lint.extendSelect) out.extendSelect = valid(s.lint.extendSelect, 'extendSelect');
  if (s.lint.ignore) out.ignore = valid(s.lint.ignore, 'ignore');
  const sev: NonNullable<LintSettings['severity']> = {};
  for (const [code, v] of Object.entries(s.rules.customizations ?? {})) {
    if (typeof v === 'string' && ['error', 'warning', 'info', 'hint', 'off'].includes(v) && ALL_CODES.some((k) => k.startsWith(code.toUpperCase()))) sev[code.toUpperCase()] = v as 'error';
    else warn(`setting fastmcp.rules.customizations: ${JSON.stringify(code)}: ${JSON.stringify(v)} ignored (expected a rule code and error, warning, info, hint or off)`);
  }
  if (Object.keys(sev).length) out.severity = sev;
  if (s.targetVersion) out.targetVersion = s.targetVersion;
  return out;
}

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Reports carried over by an incremental lint are the same objects from lint to lint: each keeps its LSP
 * form, made once for the docs root it was made with (the form is only read, never changed).
 */
const lspForms = new WeakMap<Diagnostic, { base: string | undefined; lsp: LspDiagnostic }>();

function toLsp(d: Diagnostic, docsBaseUrl?: string): LspDiagnostic {
  const kept = lspForms.get(d);
  if (kept && kept.base === docsBaseUrl) return kept.lsp;
  const lsp = lspFormOf(d, docsBaseUrl);
  lspForms.set(d, { base: docsBaseUrl, lsp });
  return lsp;
}

function lspFormOf(d: Diagnostic, docsBaseUrl?: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'fastmcp',
    message: d.message,
    codeDescription: { href: ruleDocUrl(d.code, docsBaseUrl) },
    data: { code: d.code, fixable: d.fixes.length > 0, safeFix: d.fixes.some((f) => f.safety === 'safe') },
  };
  if (d.tags?.length) out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return out;
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Entry point for `dist/server.js` and `fastmcp-lint server`: stdio with `--stdio`, node IPC with `--node-ipc`. */
export function runServerProcess(): void {
  // A request cancelled while still queued behind other messages is answered at once, not when its turn comes.
  const connection = createConnection(ProposedFeatures.all, {
    cancelUndispatched: (message: Message): ResponseMessage => ({ jsonrpc: '2.0', id: (message as RequestMessage).id, error: new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled').toJson() }),
  });
  process.on('uncaughtException', (e) => connection.console.error(`[fastmcp] uncaught: ${e instanceof Error ? (e.stack ?? e.message) : e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`[fastmcp] unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : e}`));
  startServer(connection);
}
