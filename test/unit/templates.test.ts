/**
 * The templates in templates/: each parses, draws zero diagnostics from the product's own rules
 * at FastMCP 3.0, and the catalog in server/src/engine/templates.ts matches the files. Also the
 * "New Server from Template…" project files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { initParser, parsePython } from '../../server/src/engine';
import { TEMPLATES, parseTemplate, projectFiles, envVarsRead, filterEnvExample, FASTMCP_REQUIREMENT } from '../../server/src/engine/templates';
import { lintSnippet, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'templates');
const read = (file: string) => fs.readFileSync(path.join(DIR, file), 'utf8');

/** A requirement line: a distribution name, optional extras and version specifiers (PEP 508 subset). */
export const REQUIREMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,\s-]+\])?\s*((~=|==|!=|<=|>=|<|>|===)\s*[\w.*+!-]+\s*(,\s*(~=|==|!=|<=|>=|<|>|===)\s*[\w.*+!-]+\s*)*)?(;.*)?$/;

export function checkRequirements(text: string): void {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    assert.match(line, REQUIREMENT, `not a requirement line: ${line}`);
  }
}

export function checkDotenv(text: string): void {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    assert.match(line, /^[A-Za-z_][A-Za-z0-9_]*=\S*$/, `not a KEY=value line: ${line}`);
  }
}

/** Lints a Python text at FastMCP 3.0 as a plain module and as the deploy entrypoint; returns "line CODE message" strings. */
export async function lintAt30(text: string, file = '/project/server.py'): Promise<string[]> {
  const out: string[] = [];
  for (const entrypoint of [undefined, { isEntrypoint: true, object: 'mcp' }]) {
    const diags = await lintSnippet(text, { path: file, targetVersion: '3.0', entrypoint });
    for (const d of diags) out.push(`${d.range.start.line + 1} ${d.code} ${d.message}`);
  }
  return [...new Set(out)];
}

test('the catalog lists exactly the files in templates/', () => {
  const files = fs.readdirSync(DIR).sort();
  assert.deepEqual(files, TEMPLATES.map((t) => t.file).sort());
  assert.equal(TEMPLATES.length, 19);
  assert.equal(new Set(TEMPLATES.map((t) => t.name)).size, TEMPLATES.length);
});

for (const t of TEMPLATES) {
  test(`template ${t.file} is well formed`, async () => {
    const text = read(t.file);
    const parsed = parseTemplate(text);
    assert.ok(parsed.title, `${t.file} lacks the "# FastMCP template:" title line`);
    for (const p of parsed.placeholders) assert.ok(parsed.body.includes(p.text), `placeholder $${p.index} ${JSON.stringify(p.text)} does not occur`);
    if (t.language === 'python') {
      await initParser();
      const tree = parsePython(text);
      try {
        assert.equal(tree.rootNode.hasError, false, `${t.file} has a syntax error`);
      } finally {
        tree.delete();
      }
      assert.deepEqual(await lintAt30(text), [], `${t.file} draws diagnostics at FastMCP 3.0`);
      if (t.server) {
        assert.match(text, /^mcp = /m, 'module-level server named mcp');
        assert.match(text, /^if __name__ == "__main__":\n(?: {4}#.*\n)* {4}mcp\.run\(/m, '__main__ guard');
      }
    } else if (t.language === 'toml') {
      const doc = parseToml(text) as { project: { dependencies: string[]; 'requires-python': string } };
      assert.ok(doc.project.dependencies.includes(FASTMCP_REQUIREMENT));
      doc.project.dependencies.forEach((d) => assert.match(d, REQUIREMENT));
    } else if (t.language === 'pip-requirements') {
      checkRequirements(text);
      assert.match(text, /^fastmcp>=3\.0,<4$/m);
    } else if (t.language === 'dotenv') {
      checkDotenv(text);
    }
  });
}

test('.env.example documents every variable any template reads', () => {
  const documented = new Set([...read('.env.example').matchAll(/^([A-Za-z_]\w*)=/gm)].map((m) => m[1]));
  for (const t of TEMPLATES.filter((t) => t.language === 'python')) {
    for (const v of envVarsRead(read(t.file))) assert.ok(documented.has(v), `${t.file} reads ${v}, missing from .env.example`);
  }
});

test('no secret-looking literal in any template', () => {
  for (const t of TEMPLATES) {
    const text = read(t.file);
    assert.doesNotMatch(text, /\b(sk-[A-Za-z0-9]{10,}|ghp_[A-Za-z0-9]{10,}|AKIA[A-Z0-9]{12,})/, t.file);
  }
});

test('envVarsRead finds every reading form', () => {
  const src = `a = os.environ["A"]\nb = os.environ.get('B', "x")\nc = os.getenv("C")\nd = f"{os.environ['D']}"\n`;
  assert.deepEqual(envVarsRead(src).sort(), ['A', 'B', 'C', 'D']);
});

test('filterEnvExample keeps sections, group comments and only the requested variables', () => {
  const text = '# head\n\n# --- S ---\n# group\nA=1\nB=2\n# other\nC=3\n\n# --- T ---\n# t\nD=\n';
  assert.equal(filterEnvExample(text, ['B']), '# head\n\n# --- S ---\n# group\nB=2\n');
  assert.equal(filterEnvExample(text, ['C', 'D']), '# head\n\n# --- S ---\n# other\nC=3\n\n# --- T ---\n# t\nD=\n');
});

const readTemplate = (file: string) => read(file);

for (const t of TEMPLATES.filter((t) => t.server)) {
  test(`projectFiles(${t.name}) writes a deployable project`, async () => {
    for (const manifest of ['requirements', 'pyproject'] as const) {
      const files = projectFiles(t.name, { readTemplate, serverName: 'Weather "Now"', manifest });
      const byPath = new Map(files.map((f) => [f.path, f.content]));
      assert.deepEqual([...byPath.keys()], ['server.py', manifest === 'pyproject' ? 'pyproject.toml' : 'requirements.txt', '.env.example', '.gitignore', 'fastmcp.json']);
      const server = byPath.get('server.py')!;
      assert.ok(!/^# (snippet|FastMCP template):/m.test(server), 'template directives stripped');
      if (parseTemplate(read(t.file)).placeholders.some((p) => p.name === 'server-name')) assert.ok(server.includes('"Weather \\"Now\\""'), 'server name substituted and escaped');
      await initParser();
      const tree = parsePython(server);
      assert.equal(tree.rootNode.hasError, false);
      tree.delete();
      assert.deepEqual(await lintAt30(server), []);

      if (manifest === 'pyproject') {
        const doc = parseToml(byPath.get('pyproject.toml')!) as { project: { name: string; dependencies: string[] } };
        assert.equal(doc.project.name, 'weather-now');
        assert.deepEqual(doc.project.dependencies, [FASTMCP_REQUIREMENT, ...t.requirements]);
      } else {
        const req = byPath.get('requirements.txt')!;
        checkRequirements(req);
        for (const r of [FASTMCP_REQUIREMENT, ...t.requirements]) assert.ok(req.split('\n').includes(r), r);
      }
      const env = byPath.get('.env.example')!;
      checkDotenv(env);
      const documented = new Set([...env.matchAll(/^([A-Za-z_]\w*)=/gm)].map((m) => m[1]));
      assert.deepEqual([...documented].sort(), envVarsRead(server).sort(), '.env.example lists exactly what the server reads');
      assert.match(byPath.get('.gitignore')!, /^\.env$/m);
      const config = JSON.parse(byPath.get('fastmcp.json')!);
      assert.equal(config.source.path, 'server.py:mcp');
      assert.equal(config.$schema, 'https://gofastmcp.com/public/schemas/fastmcp.json/v1.json');
    }
  });
}

test('projectFiles honours the server file name and rejects unknown or non-server templates', () => {
  const files = projectFiles('basic-server', { readTemplate, serverFile: 'main.py' });
  assert.equal(files[0].path, 'main.py');
  assert.match(files[0].content, /fastmcp run main\.py:mcp/);
  assert.equal(JSON.parse(files.find((f) => f.path === 'fastmcp.json')!.content).source.path, 'main.py:mcp');
  assert.throws(() => projectFiles('nope', { readTemplate }), /unknown template/);
  assert.throws(() => projectFiles('client-example', { readTemplate }), /not a server template/);
  assert.throws(() => projectFiles('basic-server', { readTemplate, serverFile: '../x.py' }), /\.py file name/);
});

test('the lint check is live: a broken copy of a template draws diagnostics', async () => {
  const broken = read('basic-server.py').replace('"config://version"', '"version"').replace('    mcp.run()', '    pass\nmcp.run()');
  const codes = (await lintAt30(broken)).map((l) => l.split(' ')[1]);
  assert.ok(codes.includes('FMCP201'), codes.join(' '));
  assert.ok(codes.includes('FMCP106'), codes.join(' '));
});
