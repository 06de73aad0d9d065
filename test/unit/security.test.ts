/**
 * Security: the extension never executes workspace code or strings, runs no program a workspace can
 * choose, and never puts workspace text into trusted markdown or a webview unescaped. Hostile file
 * names and contents (HTML, markdown links, `command:` URIs) go through hover, diagnostics and the
 * readiness report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Module from 'node:module';
import { initParser, parsePython, buildModel, hoverAt, loadReferences, resolveConfig, lintText, ALL_CODES } from '../../server/src/engine';
import { Project } from '../../server/src/engine/readiness/workspace';
import { MemoryView, ROOT } from '../helpers';

const INJECT = [
  '[run me](command:workbench.action.terminal.new)',
  '<img src=x onerror="alert(1)">',
  '<script>alert(1)</script>',
  '](command:fastmcp.restartServer)',
  '`` ` <a href="command:x">x</a>',
  '```\n[fence](command:workbench.action.terminal.new)\n```',
];

const HOSTILE = `from fastmcp import FastMCP, Context
from fastmcp.server.dependencies import get_context

mcp = FastMCP("${INJECT[1]}", instructions="""${INJECT[0]}""")


@mcp.tool(name="${INJECT[2]}", description="${INJECT[0]}")
def evil_${'x'.repeat(3)}(arg: str = "${INJECT[3]}", ctx: Context = None) -> str:
    """${INJECT.join(' ')}"""
    return arg


@mcp.resource("data://{id}${INJECT[4].replace(/"/g, '')}")
def res(id: str) -> str:
    return id


if __name__ == "__main__":
    mcp.run(transport="${INJECT[1]}")  # noqa: FMCP103 ${INJECT[0]}
`;

/** Markdown outside code: fenced blocks and inline code spans are shown verbatim, never interpreted. */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** Markdown that VS Code renders from a hover must hold no command link and no raw HTML from the file. */
function assertSafeMarkdown(md: string, where: string) {
  const prose = outsideCode(md);
  assert.doesNotMatch(prose, /command:/i, `${where}: command link in hover markdown`);
  assert.doesNotMatch(prose, /<(img|script|a|iframe|svg)\b/i, `${where}: raw HTML in hover markdown`);
  // A fence opened for workspace text must close only where the hover closes it.
  const fences = md.match(/^`{3,}/gm) ?? [];
  assert.equal(fences.length % 2, 0, `${where}: unbalanced code fences`);
}

test('hover over a hostile file never carries command links or raw HTML from it', async () => {
  await initParser();
  const references = loadReferences(path.join(ROOT, 'docs/references'));
  const config = resolveConfig('/p/server.py', { view: new MemoryView(), codes: ALL_CODES, editor: { targetVersion: '2.13' } });
  const tree = parsePython(HOSTILE);
  try {
    const model = buildModel(tree, HOSTILE);
    let hovers = 0;
    for (let off = 0; off <= HOSTILE.length; off++) {
      const h = hoverAt(model, off, { target: config.target, references });
      if (!h) continue;
      hovers++;
      assertSafeMarkdown(h.markdown, `offset ${off}`);
    }
    assert.ok(hovers > 20, `hover answered at ${hovers} offsets`);
  } finally {
    tree.delete();
  }
});

test('diagnostics on a hostile file are plain text, and lint runs no code from it', async () => {
  await initParser();
  const marker = path.join(os.tmpdir(), `fastmcp-sec-${process.pid}`);
  // If anything evaluated or imported the file, this would create the marker.
  const src = HOSTILE + `\nimport os\nopen(${JSON.stringify(marker)}, "w").write("ran")\n__import__("os").system("touch ${marker}")\n`;
  const config = resolveConfig('/p/server.py', { view: new MemoryView(), codes: ALL_CODES, editor: { targetVersion: '2.13' } });
  const ds = lintText(src, { path: '/p/server.py', config }).diagnostics;
  assert.ok(ds.length > 0);
  for (const d of ds) assert.equal(typeof d.message, 'string');
  assert.equal(fs.existsSync(marker), false);
});

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('no eval, no new Function, and the only program run is a literal `git`, in trusted workspaces only', () => {
  const all = [...sources(path.join(ROOT, 'client/src')), ...sources(path.join(ROOT, 'server/src'))];
  assert.ok(all.length > 50);
  const spawners: string[] = [];
  for (const f of all) {
    const text = fs.readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
    const rel = path.relative(ROOT, f);
    assert.doesNotMatch(text, /\beval\s*\(/, `${rel} calls eval`);
    assert.doesNotMatch(text, /\bnew\s+Function\s*\(/, `${rel} uses new Function`);
    assert.doesNotMatch(text, /\bvm\.(runIn|Script|compileFunction)/, `${rel} runs code through vm`);
    if (/child_process/.test(text)) spawners.push(rel);
  }
  // The client never starts a process itself (the language client starts the bundled server module).
  assert.deepEqual(spawners.filter((s) => s.startsWith('client')), []);
  for (const s of spawners) {
    const text = fs.readFileSync(path.join(ROOT, s), 'utf8');
    const names = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(?:node:)?child_process'/g)].flatMap((m) => m[1].split(',').map((x) => x.trim().split(/\s+as\s+/).pop()!));
    assert.ok(names.length > 0, `${s}: child_process imported by name`);
    const calls = [...text.matchAll(new RegExp(`(?<![.\\w])(${names.join('|')})\\s*\\(\\s*([^,)]*)`, 'g'))];
    assert.ok(calls.length > 0, `${s} imports child_process`);
    for (const c of calls) assert.equal(c[2].trim(), "'git'", `${s}: ${c[0]} runs something other than a literal git`);
  }
});

test('hover markdown reaches VS Code untrusted: the client never marks server markdown trusted', () => {
  const ext = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
  assert.doesNotMatch(ext, /isTrusted\s*:\s*true/);
  assert.doesNotMatch(ext, /supportHtml\s*:\s*true/);
});

test('an untrusted workspace never runs git (its config could name a program: core.fsmonitor, core.pager)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fastmcp-untrusted-'));
  try {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(dir, '.git', 'config'), `[core]\n\tfsmonitor = touch ${path.join(dir, 'pwned')}\n\tpager = touch ${path.join(dir, 'pwned')}\n`);
    fs.writeFileSync(path.join(dir, 'server.py'), 'from fastmcp import FastMCP\nmcp = FastMCP("x")\n');
    const p = new Project(dir, { trusted: false });
    const status = p.status();
    assert.ok('skipped' in status, JSON.stringify(status));
    assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the readiness webview escapes every string from the workspace and allows only nonce scripts', async () => {
  // checkReadiness.ts imports vscode; the renderer itself needs none of it.
  const load = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: unknown })._load = (req: string, ...rest: unknown[]) => (req === 'vscode' ? {} : load(req, ...rest));
  let render: typeof import('../../client/src/commands/checkReadiness').renderReadinessHtml;
  try {
    ({ renderReadinessHtml: render } = await import('../../client/src/commands/checkReadiness'));
  } finally {
    (Module as unknown as { _load: unknown })._load = load;
  }
  const evil = INJECT.join(' ') + ' "\' onmouseover="alert(1)';
  const html = render(
    {
      root: `/ws/${evil}`,
      entrypoint: `${evil}.py:mcp`,
      verdict: 'not-ready',
      trusted: false,
      candidates: [evil],
      checks: [{ code: 'FMCP701', title: evil, status: 'fail', message: evil, locations: [{ path: `${evil}.py`, line: 3 }] }],
      details: [{ code: 'FMCP701', why: evil, fix: evil, notes: [evil], findings: [{ severity: 'error', message: evil, path: `${evil}.py`, line: 2, character: 0 }] }],
    },
    { cspSource: 'vscode-resource:' },
    'NONCE123',
  );
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';"/);
  assert.doesNotMatch(html, /<img|<script>alert|<a href="command|["']\s*onmouseover=|=\s*"[^"]*"\s*onerror/i);
  // Every <script> is the report's own, carrying the nonce.
  for (const m of html.matchAll(/<script\b[^>]*>/g)) assert.equal(m[0], '<script nonce="NONCE123">');
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
});
