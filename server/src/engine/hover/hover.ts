/**
 * Hover over FastMCP code: a short signature block, version notes for the file's target version, and
 * the matching section of the reference documents with a plain link to the whole file. Editor-
 * agnostic: takes the semantic model and an offset, returns markdown and the hovered span. Never
 * throws — a broken or half-typed file gives a hover or null.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Node } from '../parse';
import type { FileModel, Component, Param } from '../model/model';
import { stringValue } from '../model/model';
import { collectSuppressions } from '../suppress';
import { RULES_BY_CODE } from '../rules/registry';
import { parseUriTemplate, type UriTemplateParam } from '../rules/util-uri';
import { TargetVersion, compareVersions } from '../version/version';
import type { Flavor } from '../types';
import { excerpt, type ReferenceIndex } from './references';
import { canonicalSymbol, SYMBOLS, TRANSPORTS, type KeywordDoc, type RefPointer, type SymbolDoc, type Versioned } from './symbols';

export interface HoverOptions {
  target: TargetVersion;
  references: ReferenceIndex;
  /**
   * Where rule pages live, as a link prefix (`https://…/docs/rules/` or a `file:` URI ending in `/`).
   * Default: `docs/rules/` beside the references directory when it was loaded from disk.
   */
  ruleDocsBase?: string;
}

export interface HoverResult {
  markdown: string;
  /** Offsets into the model's text of the hovered span. */
  start: number;
  end: number;
}

export function hoverAt(model: FileModel, offset: number, opts: HoverOptions): HoverResult | null {
  try {
    return hoverInner(model, offset, opts);
  } catch (e) {
    // A hover bug must not break the editor; the fuzz test sets FASTMCP_LINT_DEBUG to see it.
    if (process.env.FASTMCP_LINT_DEBUG) throw e;
    return null;
  }
}

// ---------------------------------------------------------------- dispatch

function hoverInner(model: FileModel, offset: number, opts: HoverOptions): HoverResult | null {
  if (!Number.isFinite(offset) || offset < 0 || offset > model.text.length) return null;
  const node = model.root.descendantForIndex(offset, offset);
  if (!node) return null;

  if (node.type === 'comment') return ruleCodeHover(model, node, offset, opts);
  if (!model.flavor) return null;

  const str = enclosingString(node);
  if (str) return stringHover(model, str, offset, opts);

  if (node.type !== 'identifier') return null;
  return identifierHover(model, node, opts);
}

// ---------------------------------------------------------------- # noqa: FMCPxxx

function ruleCodeHover(model: FileModel, comment: Node, offset: number, opts: HoverOptions): HoverResult | null {
  const lineOf = () => 0;
  const sups = collectSuppressions([comment], model.root, lineOf);
  for (const s of sups) {
    for (const span of s.spans) {
      if (offset < span.start || offset > span.end) continue;
      const rule = RULES_BY_CODE.get(span.code);
      if (!rule) return { markdown: `**${span.code}** — no such FastMCP rule code.`, start: span.start, end: span.end };
      const m = rule.meta;
      const parts = [`**${m.code}** \`${m.name}\` — ${m.title}`];
      const facts = [`severity: ${m.deprecation ? 'deprecation (by version)' : m.severity}`];
      if (m.flavors && m.flavors !== 'both') facts.push(`${m.flavors} only`);
      if (m.versions?.min || m.versions?.max) facts.push(`FastMCP ${m.versions.min ? `≥ ${m.versions.min}` : ''}${m.versions.min && m.versions.max ? ', ' : ''}${m.versions.max ? `< ${m.versions.max}` : ''}`);
      if (m.fix) facts.push(`fix: ${m.fix.safety}`);
      parts.push(`*${facts.join(' · ')}*`);
      if (m.docs?.what) parts.push(m.docs.what);
      if (m.docs?.why) parts.push(m.docs.why);
      parts.push(`[Rule documentation: docs/rules/${m.code}.md](${ruleLink(m.code, opts)})`);
      return { markdown: parts.join('\n\n'), start: span.start, end: span.end };
    }
  }
  return null;
}

function ruleLink(code: string, opts: HoverOptions): string {
  if (opts.ruleDocsBase) return `${opts.ruleDocsBase}${code}.md`;
  const dir = opts.references.dir;
  if (dir) return pathToFileURL(path.join(dir, '..', 'rules', `${code}.md`)).href;
  return `docs/rules/${code}.md`;
}

// ---------------------------------------------------------------- strings: URI templates, transports

function enclosingString(node: Node): Node | null {
  for (let n: Node | null = node, i = 0; n && i < 3; n = n.parent, i++) if (n.type === 'string') return n;
  return null;
}

function stringHover(model: FileModel, str: Node, offset: number, opts: HoverOptions): HoverResult | null {
  const comp = model.components.find((c) => c.kind === 'resource' && (c.positional[0]?.id === str.id || c.keywords.get('uri')?.id === str.id));
  if (comp) return uriHover(model, comp, str, offset, opts);

  const parent = str.parent;
  const call = parent?.type === 'keyword_argument' ? parent.parent?.parent : parent?.type === 'argument_list' ? parent.parent : null;
  const rc = call ? model.runCalls.find((r) => r.call.id === call.id) : undefined;
  if (rc && (rc.args.keywords.get('transport')?.id === str.id || ((rc.method === 'run' || rc.method === 'run_async') && rc.args.positional[0]?.id === str.id))) {
    const value = stringValue(str);
    if (value === null) return null;
    const doc = TRANSPORTS[value];
    const flavor = rc.server.flavor;
    if (!doc || (flavor === 'sdk' && value === 'http')) {
      const valid = flavor === 'sdk' ? '`"stdio"`, `"sse"`, `"streamable-http"`' : '`"stdio"`, `"http"`, `"sse"`, `"streamable-http"`';
      const md = [`\`transport=${esc(JSON.stringify(value))}\``, `**Unknown transport**: the server fails at start with \`ValueError("Unknown transport: …")\`. Valid: ${valid}.`];
      if (doc?.sdk) md.push(doc.sdk);
      md.push(refBlock(opts, { file: 'production-patterns.md', section: 'transports' }));
      return { markdown: md.filter(Boolean).join('\n\n'), start: str.startIndex, end: str.endIndex };
    }
    return { markdown: render(doc, `transport "${value}"`, flavor, opts), start: str.startIndex, end: str.endIndex };
  }
  return null;
}

function uriHover(model: FileModel, comp: Component, str: Node, offset: number, opts: HoverOptions): HoverResult | null {
  const contents = str.namedChildren.filter((c): c is Node => !!c && c.type === 'string_content');
  const value = stringValue(str);
  if (value === null) return null;
  const exact = contents.length === 1 && contents[0].text === value;
  const base = exact ? contents[0].startIndex : -1;
  const t = parseUriTemplate(value);
  const hit = base >= 0 ? t.params.find((p) => offset >= base + p.exprStart && offset <= base + p.exprEnd && (p.kind !== 'query' || (offset >= base + p.start && offset <= base + p.end))) ?? t.params.find((p) => offset >= base + p.exprStart && offset < base + p.exprEnd) : undefined;
  const sdk = comp.flavor === 'sdk';
  const hasKwargs = comp.params.some((p) => p.kind === 'kwargs');
  const funcName = safe(comp.funcName);
  if (hit) {
    const param = comp.params.find((p) => p.name === hit.name && !p.injected);
    const lines = [`\`\`\`python\n${pySig(hit, param)}\n\`\`\``];
    lines.push(`${kindText(hit, sdk)} of \`${funcName}\`.`);
    if (param) {
      const ann = param.annotation ? `\`${safe(param.annotation.text, 80)}\`` : 'no annotation (any value, not validated)';
      const dflt = param.default ? `optional, default \`${safe(param.default.text, 60)}\`` : 'required';
      lines.push(`Bound to parameter \`${safe(param.name)}\`: ${ann}; ${dflt}.`);
      if (hit.kind === 'query' && !param.default && !sdk) lines.push('⚠ A query parameter must have a default: FastMCP raises "Query parameters … must be optional function parameters with default values" (FMCP205).');
    } else if (hasKwargs) {
      lines.push(`No parameter named \`${safe(hit.name)}\`; it goes to \`**kwargs\`.`);
    } else {
      lines.push(`⚠ \`${funcName}\` has no parameter \`${safe(hit.name)}\`: FastMCP raises "URI parameters … must be a subset of the function arguments" when the decorator runs (FMCP202).`);
    }
    if (hit.kind === 'query' && (hit.group ?? 0) > 0) lines.push('⚠ Only the first `{?…}` group is read; put every query name in one group.');
    if (hit.kind === 'query' && !sdk && opts.target.below('2.13.0')) lines.push(`⚠ Query parameters need FastMCP 2.13.0; the target is ${opts.target.version}.`);
    if (hit.kind !== 'path' && sdk) lines.push('⚠ The MCP SDK\'s FastMCP only understands `{name}` parameters.');
    lines.push(refBlock(opts, { file: 'production-patterns.md', section: 'resources-and-templates' }));
    return { markdown: lines.filter(Boolean).join('\n\n'), start: base + (hit.kind === 'query' ? hit.start : hit.exprStart), end: base + (hit.kind === 'query' ? hit.end : hit.exprEnd) };
  }
  // Anywhere else in the URI: an overview of the template.
  const lines = [`\`\`\`python\n@${safe(comp.server ?? 'resource')}.resource(${safe(str.text, 120)})\n\`\`\``];
  if (!t.hasExpressions && !comp.params.some((p) => !p.injected)) lines.push('Static resource.' + (t.scheme ? '' : ' ⚠ The URI has no scheme: FastMCP rejects it ("Input should be a valid URL").'));
  else {
    const rows = t.params.map((p) => `- \`${safe(p.name)}\` — ${kindText(p, sdk)}`);
    lines.push(`Resource template of \`${funcName}\`:\n${rows.join('\n') || '- (no parameters)'}`);
  }
  lines.push(refBlock(opts, { file: 'production-patterns.md', section: 'resources-and-templates' }));
  return { markdown: lines.join('\n\n'), start: str.startIndex, end: str.endIndex };
}

function kindText(p: UriTemplateParam, sdk: boolean): string {
  if (p.kind === 'path') return 'path parameter (one segment)';
  if (p.kind === 'wildcard') return 'wildcard path parameter (several segments)' + (sdk ? '' : '');
  return `query parameter (\`?${safe(p.name)}=…\`, optional)`;
}

function pySig(p: UriTemplateParam, param: Param | undefined): string {
  const ann = param?.annotation ? `: ${oneLine(param.annotation.text, 80)}` : '';
  const dflt = param?.default ? ` = ${oneLine(param.default.text, 60)}` : '';
  const shape = p.kind === 'query' ? `{?${p.name}}` : p.kind === 'wildcard' ? `{${p.name}*}` : `{${p.name}}`;
  return `${shape}  →  ${p.name}${ann}${dflt}`;
}

// ---------------------------------------------------------------- identifiers

function identifierHover(model: FileModel, id: Node, opts: HoverOptions): HoverResult | null {
  const parent = id.parent;
  const span = { start: id.startIndex, end: id.endIndex };

  // keyword=value in a call: the keyword's documentation.
  if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) {
    const call = parent.parent?.parent;
    if (call?.type !== 'call') return null;
    const target = calleeSymbol(model, call.childForFieldName('function'));
    if (!target) return null;
    const doc = SYMBOLS[target.key];
    const name = id.text;
    const k = doc.keywords?.[name];
    const owner = displayName(target.key);
    if (!k) {
      if (!doc.keywords) return null;
      return { markdown: `\`${safe(name)}=\` is not a parameter of \`${owner}\` that this extension knows.\n\n${refBlock(opts, doc.ref)}`, ...span };
    }
    return { markdown: renderKeyword(k, name, owner, doc, target.sdk ? 'sdk' : model.flavor!, opts), ...span };
  }

  // obj.attr: the attribute.
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) {
    const target = attributeSymbol(model, parent);
    if (!target) return null;
    return { markdown: render(SYMBOLS[target.key], displayName(target.key), target.sdk ? 'sdk' : flavorOf(model), opts), ...span };
  }
  // The object of an attribute or a bare name.
  const target = nameSymbol(model, id);
  if (!target) return null;
  return { markdown: render(SYMBOLS[target.key], target.label ?? displayName(target.key), target.sdk ? 'sdk' : flavorOf(model), opts), ...span };
}

interface Target {
  key: string;
  sdk: boolean;
  label?: string;
}

function flavorOf(model: FileModel): Flavor {
  return model.flavor ?? 'fastmcp';
}

/** What a call's function names: a class, a server method, a Context method. */
function calleeSymbol(model: FileModel, fn: Node | null): Target | null {
  if (!fn) return null;
  if (fn.type === 'attribute') return attributeSymbol(model, fn);
  if (fn.type === 'identifier') return nameSymbol(model, fn);
  return null;
}

function attributeSymbol(model: FileModel, attr: Node): Target | null {
  const obj = attr.childForFieldName('object');
  const name = attr.childForFieldName('attribute')?.text;
  if (!obj || !name) return null;
  // A server variable (module level, in a function, or a parameter annotated FastMCP).
  const server = model.serverOf(obj);
  if (server) return lookup(`${server.flavor === 'sdk' ? 'mcp.server.fastmcp' : 'fastmcp'}.FastMCP.${name}`);
  // A Context-typed name in the enclosing function.
  if (obj.type === 'identifier') {
    const fn = model.enclosingFunction(attr);
    if (fn && model.contextNamesIn(fn).has(obj.text)) {
      const f = contextFlavorOfName(model, fn, obj.text);
      return lookup(`${f === 'sdk' ? 'mcp.server.fastmcp' : 'fastmcp'}.Context.${name}`);
    }
  }
  // Anything reachable through imports: `fastmcp.FastMCP.from_openapi`, `mcp.types.Icon`.
  return lookup(model.resolve(attr));
}

function nameSymbol(model: FileModel, id: Node): Target | null {
  const parent = id.parent;
  // Import statements: `from fastmcp import FastMCP` — hover the imported name.
  const imp = importedQualified(id);
  if (imp !== undefined) return lookup(imp);

  // A method definition: middleware hooks.
  if (parent?.type === 'function_definition' && parent.childForFieldName('name')?.id === id.id) {
    if (isMiddlewareMethod(model, parent)) return lookup(`fastmcp.server.middleware.Middleware.${id.text}`);
    if (isLifespanFunction(model, id.text)) return lifespanTarget();
    return null;
  }
  const server = model.serverOf(id);
  if (server) {
    const t = lookup(server.flavor === 'sdk' ? 'mcp.server.fastmcp.FastMCP' : 'fastmcp.FastMCP');
    return t ? { ...t, label: `${id.text}: FastMCP` } : null;
  }
  const fn = model.enclosingFunction(id);
  if (fn && model.contextNamesIn(fn).has(id.text)) {
    const f = contextFlavorOfName(model, fn, id.text);
    const t = lookup(f === 'sdk' ? 'mcp.server.fastmcp.Context' : 'fastmcp.Context');
    return t ? { ...t, label: `${id.text}: Context` } : null;
  }
  return lookup(model.resolve(id));
}

function lifespanTarget(): Target {
  return { key: '__lifespan__', sdk: false, label: 'lifespan' };
}

function lookup(q: string | null): Target | null {
  const c = canonicalSymbol(q);
  return c ? { key: c.key, sdk: c.sdk } : null;
}

/** The qualified name an identifier in an import statement stands for; undefined when not in one. */
function importedQualified(id: Node): string | null | undefined {
  let dotted: Node | null = null;
  let stmt: Node | null = null;
  for (let p: Node | null = id.parent, i = 0; p && i < 4; p = p.parent, i++) {
    if (p.type === 'dotted_name' && !dotted) dotted = p;
    if (p.type === 'import_from_statement' || p.type === 'import_statement') {
      stmt = p;
      break;
    }
  }
  if (!stmt) return undefined;
  if (stmt.type === 'import_statement') return null;
  const mod = stmt.childForFieldName('module_name');
  if (!mod || (dotted && mod.id === dotted.id)) return null;
  // `from x import a as b`: hovering either a or b.
  const aliased = id.parent?.type === 'aliased_import' ? id.parent : dotted?.parent?.type === 'aliased_import' ? dotted.parent : null;
  const nameNode = aliased ? aliased.childForFieldName('name') : dotted;
  return nameNode ? `${mod.text}.${nameNode.text}` : null;
}

function contextFlavorOfName(model: FileModel, fn: Node, name: string): Flavor {
  for (let f: Node | null = fn; f; f = model.enclosingFunction(f)) {
    const params = f.childForFieldName('parameters');
    for (const p of params?.namedChildren ?? []) {
      if (!p) continue;
      const n = p.type === 'typed_parameter' ? p.namedChild(0) : p.childForFieldName('name');
      if (n?.text === name) {
        const fl = model.contextFlavorOfAnnotation(p.childForFieldName('type'));
        if (fl) return fl;
      }
    }
  }
  return 'fastmcp';
}

const MIDDLEWARE_BASES = new Set(['fastmcp.server.middleware.Middleware']);

function isMiddlewareMethod(model: FileModel, fn: Node): boolean {
  let p = fn.parent;
  if (p?.type === 'decorated_definition') p = p.parent;
  if (p?.type !== 'block' || p.parent?.type !== 'class_definition') return false;
  return isMiddlewareClass(model, p.parent, 0);
}

function isMiddlewareClass(model: FileModel, cls: Node, depth: number): boolean {
  if (depth > 5) return false;
  const supers = cls.childForFieldName('superclasses');
  for (const b of supers?.namedChildren ?? []) {
    if (!b || (b.type !== 'identifier' && b.type !== 'attribute')) continue;
    const c = canonicalSymbol(model.resolve(b));
    if (c && MIDDLEWARE_BASES.has(c.key)) return true;
    if (b.type === 'identifier') {
      const local = model.moduleClasses.get(b.text);
      if (local && local.id !== cls.id && isMiddlewareClass(model, local, depth + 1)) return true;
    }
  }
  return false;
}

/** A module function passed as `lifespan=` to a FastMCP constructor in this file. */
function isLifespanFunction(model: FileModel, name: string): boolean {
  return model.servers.some((s) => s.call && model.callArgs(s.call).keywords.get('lifespan')?.text === name);
}

// ---------------------------------------------------------------- rendering

const LIFESPAN_DOC: SymbolDoc = {
  signature: '@asynccontextmanager\nasync def lifespan(server: FastMCP) -> AsyncIterator[dict]: ...',
  summary: 'This function is the server\'s lifespan: setup before `yield`, cleanup after it (in `finally:`). The yielded value is the lifespan context.',
  variants: [
    { max: '2.13.0', note: 'Before 2.13.0 it runs once **per client session**.' },
    { min: '2.13.0', note: 'Runs **once per server** (since 2.13.0), not per session; per-session setup belongs in `on_initialize` middleware.' },
  ],
  ref: { file: 'server-lifespans.md', section: 'when-it-runs' },
};
SYMBOLS['__lifespan__'] = LIFESPAN_DOC;

function displayName(key: string): string {
  if (key === '__lifespan__') return 'lifespan';
  const m = /\.(FastMCP|Context|Middleware)\.(\w+)$/.exec(key);
  if (m) return `${m[1]}.${m[2]}`;
  return key.slice(key.lastIndexOf('.') + 1);
}

function render(doc: SymbolDoc, label: string, flavor: Flavor, opts: HoverOptions): string {
  const sdk = flavor === 'sdk';
  // The target version is the standalone package's: it says nothing about the SDK's copy.
  const variant = sdk ? undefined : pickVariant(doc, opts.target);
  const signature = variant?.signature ?? doc.signature;
  const isAsync = variant?.async ?? doc.async;
  const out: string[] = ['```python\n' + signature + '\n```'];
  const head: string[] = [`**${safe(label)}**`];
  if (isAsync !== undefined) head.push(isAsync ? 'async — must be awaited' : 'sync — do not await');
  out.push(head.join(' · '));
  if (sdk) {
    if (doc.sdk === false) out.push('⚠ Standalone `fastmcp` only: the MCP SDK\'s bundled FastMCP has no such API.');
    else if (doc.sdk) out.push(doc.sdk);
    out.push('*MCP SDK flavor (`mcp.server.fastmcp`): the text below describes the standalone `fastmcp` package.*');
  } else {
    const vl = versionLine(doc, opts.target);
    if (vl) out.push(vl);
  }
  out.push(doc.summary);
  if (variant) out.push(variant.note);
  else if (doc.variants?.length && !sdk && !opts.target.known) out.push(doc.variants.map((v) => `*${rangeText(v.min, v.max)}:* ${v.note}`).join('\n\n'));
  out.push(sectionBlock(opts, doc.ref));
  return out.filter(Boolean).join('\n\n');
}

function renderKeyword(k: KeywordDoc, name: string, owner: string, doc: SymbolDoc, flavor: Flavor, opts: HoverOptions): string {
  const out: string[] = ['```python\n' + `${owner}(${name}=…)` + '\n```'];
  if (k.invalid) out.push(`⚠ **\`${name}=\` is not a parameter of \`${owner}\`.** ${k.text}`);
  else {
    out.push(`**${name}** — parameter of \`${owner}\``);
    if (flavor === 'sdk' && doc.sdk === false) out.push('⚠ Standalone `fastmcp` only.');
    const vl = flavor === 'sdk' ? '' : versionLine(k, opts.target);
    if (vl) out.push(vl);
    out.push(k.text);
  }
  out.push(sectionBlock(opts, k.ref ?? doc.ref));
  return out.filter(Boolean).join('\n\n');
}

function pickVariant(doc: SymbolDoc, target: TargetVersion) {
  if (!doc.variants || !target.known) return undefined;
  return doc.variants.find((v) => target.inRange(v.min, v.max));
}

function rangeText(min?: string, max?: string): string {
  if (min && max) return `${short(min)} – ${short(max)} (excl.)`;
  if (min) return `${short(min)}+`;
  if (max) return `before ${short(max)}`;
  return 'all versions';
}

/** `3.0.0` → `3.0`, `2.13.0` → `2.13`; pre-releases and patch versions stay. */
function short(v: string): string {
  return v.replace(/^(\d+\.\d+)\.0$/, '$1');
}

/** "since 2.13", "deprecated in 3.0 — use …", "removed in 2.14 — use …", for the target version. */
export function versionLine(v: Versioned, target: TargetVersion): string {
  const use = v.use ? ` — use ${v.use}` : '';
  const t = target.version;
  const tgt = t ? ` (target: FastMCP ${t})` : '';
  if (v.removed && t && compareVersions(t, v.removed) >= 0) {
    return `⛔ **Removed in ${short(v.removed)}**${v.deprecated ? ` (deprecated since ${short(v.deprecated)})` : ''}${use}.${tgt}`;
  }
  if (v.since && t && compareVersions(t, v.since) < 0) {
    return `⚠ **Not available before ${short(v.since)}**${tgt}${use}.`;
  }
  if (v.deprecated && (!t || compareVersions(t, v.deprecated) >= 0)) {
    return `⚠ **Deprecated in ${short(v.deprecated)}**${v.removed ? `, removed in ${short(v.removed)}` : ''}${use}.${tgt}`;
  }
  const parts: string[] = [];
  if (v.since) parts.push(`Since ${short(v.since)}.`);
  if (v.deprecated) parts.push(`Deprecated from ${short(v.deprecated)}${v.removed ? `, removed in ${short(v.removed)}` : ''}${use}.`);
  else if (v.removed) parts.push(`Removed in ${short(v.removed)}${use}.`);
  else if (!t && v.use) parts.push(`Otherwise: ${v.use}.`);
  return parts.join(' ') + (parts.length ? tgt : '');
}

function sectionBlock(opts: HoverOptions, ptr: RefPointer | undefined): string {
  if (!ptr) return '';
  const sec = opts.references.section(ptr.file, ptr.section);
  // Relative links between reference files become links the editor can open.
  const text = sec ? excerpt(sec, 700).replace(/\]\(([\w-]+\.md)(?:#([\w-]+))?\)/g, (_m, file: string, anchor?: string) => `](${opts.references.link(file, anchor ? opts.references.section(file, anchor) : null)})`) : '';
  return ['---', text, refBlock(opts, ptr)].filter(Boolean).join('\n\n');
}

function refBlock(opts: HoverOptions, ptr: RefPointer | undefined): string {
  if (!ptr) return '';
  const sec = opts.references.section(ptr.file, ptr.section);
  const label = `docs/references/${ptr.file}${sec ? ` — ${sec.heading}` : ''}`;
  return `[${label.replace(/[[\]]/g, '')}](${opts.references.link(ptr.file, sec)})`;
}

// ---------------------------------------------------------------- escaping user text

/** User-derived text for use inside a code span: no backticks, no newlines, bounded length. */
function safe(text: string, max = 60): string {
  const one = text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'");
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
function oneLine(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').replace(/```/g, "'''");
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
function esc(text: string): string {
  return safe(text, 80);
}
