/**
 * `pythonFactsOf` takes its nodes from the model's lists and each one's context from its ancestors instead
 * of walking every node of the tree. A differential test against the walk it replaced (kept below, as it
 * was, as the reference): the fixtures, templates and examples, each cut short at several places, the
 * fuzzer's mutations of them and a few hand-written cases must give the same facts, in the same order.
 * PYFACTS_DIRS=dir1:dir2 adds every .py file under those directories (read in place, e.g. a corpus);
 * PYFACTS_FUZZ=N sets how many fuzzed inputs (300).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeLineStarts, initParser, parsePython, positionAt, type Node, type Tree } from '../../server/src/engine/parse';
import { syntaxFor } from '../../server/src/engine/syntax';
import { buildModel, stringValue, type FileModel } from '../../server/src/engine/model/model';
import { modelOrSkip } from '../../server/src/engine/lint';
import { pythonFacts, pythonFactsOf, type PythonFacts } from '../../server/src/engine/readiness/python-facts';
import type { Range } from '../../server/src/engine/types';
import { makeCase, seedCorpus } from '../fuzz/harness';
import { ROOT, pyFiles } from '../helpers';

const OPTIONAL_EXCEPTIONS = /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/;

/** The implementation before the change: one recursive walk over every node of the tree. */
function referenceFactsOf(tree: Tree, text: string, model: FileModel = buildModel(tree, text), lineStarts = computeLineStarts(text)): PythonFacts {
  {
    const rangeOf = (n: Node): Range => ({ start: positionAt(lineStarts, n.startIndex), end: positionAt(lineStarts, n.endIndex) });
    const facts: PythonFacts = {
      flavor: model.flavor,
      imports: [],
      moduleNames: new Set(),
      moduleServers: new Map(),
      moduleFunctions: new Set(),
      envReads: [],
      syntaxError: null,
    };
    for (const s of model.servers) if (s.scope === null && s.kind !== 'annotation' && !facts.moduleServers.has(s.name)) facts.moduleServers.set(s.name, rangeOf(s.node));

    const osAliases = new Set<string>();
    const environNames = new Set<string>();
    const getenvNames = new Set<string>();

    const visit = (n: Node, inFunction: boolean, optional: boolean, moduleScope: boolean) => {
      switch (n.type) {
        case 'function_definition': {
          const name = n.childForFieldName('name')?.text;
          if (moduleScope && name) {
            facts.moduleNames.add(name);
            facts.moduleFunctions.add(name);
          }
          for (const c of n.namedChildren) if (c) visit(c, true, optional, false);
          return;
        }
        case 'class_definition': {
          const name = n.childForFieldName('name')?.text;
          if (moduleScope && name) facts.moduleNames.add(name);
          settingsClass(n);
          const body = n.childForFieldName('body');
          for (const c of n.namedChildren) if (c && c !== body) visit(c, inFunction, optional, false);
          if (body) for (const c of body.namedChildren) if (c) visit(c, inFunction, optional, false);
          return;
        }
        case 'try_statement': {
          const handlers = n.namedChildren.filter((c) => c?.type === 'except_clause' || c?.type === 'except_group_clause');
          const tolerates = handlers.some((h) => {
            const head = h!.namedChildren.find((c) => c && c.type !== 'block');
            return !head || OPTIONAL_EXCEPTIONS.test(head.text);
          });
          for (const c of n.namedChildren) {
            if (!c) continue;
            visit(c, inFunction, optional || (tolerates && c.type === 'block'), moduleScope);
          }
          return;
        }
        case 'if_statement': {
          const cond = n.childForFieldName('condition');
          const typeChecking = !!cond && /^(typing\.)?TYPE_CHECKING$/.test(cond.text);
          for (const c of n.namedChildren) if (c) visit(c, inFunction, optional || (typeChecking && c.type === 'block'), moduleScope);
          return;
        }
        case 'import_statement':
        case 'import_from_statement': {
          importFact(n, inFunction, optional, moduleScope);
          return;
        }
        case 'assignment': {
          if (moduleScope) bindTargets(n.childForFieldName('left'));
          break;
        }
        case 'call':
          envCall(n);
          break;
        case 'subscript':
          envSubscript(n);
          break;
        case 'ERROR':
        case 'MISSING':
          noteError(n);
          break;
      }
      if (n.isMissing) noteError(n);
      const childScope = moduleScope && (n.type === 'module' || n.type === 'block' || n.type === 'expression_statement' || /_statement$|_clause$/.test(n.type));
      for (const c of n.children) if (c) visit(c, inFunction, optional, childScope);
    };

    const noteError = (n: Node) => {
      if (facts.syntaxError) return;
      // tree-sitter wraps the statements before a mistake into the error node; the innermost one is where it is.
      for (let inner = n.children.find((c) => c?.type === 'ERROR'); inner; inner = inner.children.find((c) => c?.type === 'ERROR')) n = inner;
      const line = positionAt(lineStarts, n.startIndex).line + 1;
      facts.syntaxError = { range: rangeOf(n), message: n.isMissing ? `expected \`${n.type}\` on line ${line}` : `invalid syntax on line ${line}` };
    };

    const bindTargets = (left: Node | null) => {
      if (!left) return;
      if (left.type === 'identifier') facts.moduleNames.add(left.text);
      else if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') for (const c of left.namedChildren) bindTargets(c);
    };

    const importFact = (n: Node, inFunction: boolean, optional: boolean, moduleScope: boolean) => {
      const base = { moduleLevel: !inFunction, optional, range: rangeOf(n) };
      if (n.type === 'import_statement') {
        for (const c of n.namedChildren) {
          if (!c) continue;
          const dotted = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
          if (!dotted || dotted.type !== 'dotted_name') continue;
          const module = dotted.text.replace(/\s+/g, '');
          facts.imports.push({ ...base, module, level: 0, names: [], moduleRange: rangeOf(dotted) });
          const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : module.split('.')[0];
          if (moduleScope && local) facts.moduleNames.add(local);
          if (module === 'os') osAliases.add(local ?? 'os');
        }
        return;
      }
      const modNode = n.childForFieldName('module_name');
      if (!modNode) return;
      let level = 0;
      let module = modNode.text.replace(/\s+/g, '');
      if (modNode.type === 'relative_import') {
        const prefix = modNode.namedChildren.find((c) => c?.type === 'import_prefix');
        level = prefix ? prefix.text.replace(/\s+/g, '').length : 0;
        module = modNode.namedChildren.find((c) => c?.type === 'dotted_name')?.text.replace(/\s+/g, '') ?? '';
      }
      const names: string[] = [];
      for (const c of n.namedChildren) {
        if (!c || c === modNode) continue;
        if (c.type === 'wildcard_import') names.push('*');
        else if (c.type === 'dotted_name' || c.type === 'aliased_import') {
          const name = (c.type === 'aliased_import' ? c.childForFieldName('name') : c)?.text ?? '';
          const local = c.type === 'aliased_import' ? (c.childForFieldName('alias')?.text ?? name) : name;
          names.push(name);
          if (moduleScope) facts.moduleNames.add(local);
          if (module === 'os' && level === 0 && name === 'environ') environNames.add(local);
          if (module === 'os' && level === 0 && name === 'getenv') getenvNames.add(local);
        }
      }
      facts.imports.push({ ...base, module, level, names, moduleRange: rangeOf(modNode) });
    };

    const isEnviron = (n: Node | null): boolean => {
      if (!n) return false;
      if (n.type === 'identifier') return environNames.has(n.text);
      if (n.type === 'attribute') {
        const obj = n.childForFieldName('object');
        return n.childForFieldName('attribute')?.text === 'environ' && obj?.type === 'identifier' && (osAliases.has(obj.text) || obj.text === 'os');
      }
      return false;
    };

    const pushEnv = (arg: Node | null | undefined, via: string, hasDefault: boolean) => {
      const name = stringValue(arg ?? null);
      if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) facts.envReads.push({ name, range: rangeOf(arg!), via, hasDefault });
    };

    const envCall = (call: Node) => {
      const fn = call.childForFieldName('function');
      const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment') ?? [];
      if (!fn) return;
      const positional = args.filter((a) => a.type !== 'keyword_argument');
      const hasDefault = positional.length > 1 || args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
      if (fn.type === 'identifier' && getenvNames.has(fn.text)) return pushEnv(positional[0], 'os.getenv', hasDefault);
      if (fn.type !== 'attribute') return;
      const attr = fn.childForFieldName('attribute')?.text;
      const obj = fn.childForFieldName('object');
      if (attr === 'getenv' && obj?.type === 'identifier' && (osAliases.has(obj.text) || obj.text === 'os')) return pushEnv(positional[0], 'os.getenv', hasDefault);
      if ((attr === 'get' || attr === 'setdefault' || attr === 'pop') && isEnviron(obj)) return pushEnv(positional[0], `os.environ.${attr}`, hasDefault || attr === 'setdefault');
    };

    const envSubscript = (sub: Node) => {
      if (!isEnviron(sub.childForFieldName('value'))) return;
      // A store (`os.environ["X"] = ...`) sets the variable; it is not read from the deployment.
      const parent = sub.parent;
      if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === sub.id) return;
      pushEnv(sub.childForFieldName('subscript'), 'os.environ[]', false);
    };

    /** pydantic-settings: each annotated field of a `BaseSettings` subclass is read from `<prefix><FIELD>`. */
    const settingsClass = (cls: Node) => {
      const bases = cls.childForFieldName('superclasses')?.namedChildren ?? [];
      if (!bases.some((b) => b && /(^|\.)BaseSettings$/.test(b.text))) return;
      const body = cls.childForFieldName('body');
      if (!body) return;
      let prefix = '';
      for (const stmt of body.namedChildren) {
        const a = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
        if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== 'model_config') continue;
        const right = a.childForFieldName('right');
        if (right?.type !== 'call') continue;
        for (const kw of right.childForFieldName('arguments')?.namedChildren ?? []) {
          if (kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'env_prefix') prefix = stringValue(kw.childForFieldName('value')) ?? '';
        }
      }
      for (const stmt of body.namedChildren) {
        if (stmt?.type === 'class_definition' && stmt.childForFieldName('name')?.text === 'Config') {
          for (const s of stmt.childForFieldName('body')?.namedChildren ?? []) {
            const a = s?.type === 'expression_statement' ? s.namedChild(0) : null;
            if (a?.type === 'assignment' && a.childForFieldName('left')?.text === 'env_prefix') prefix = stringValue(a.childForFieldName('right')) ?? prefix;
          }
        }
      }
      for (const stmt of body.namedChildren) {
        const a = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
        if (a?.type !== 'assignment') continue;
        const left = a.childForFieldName('left');
        if (left?.type !== 'identifier' || !a.childForFieldName('type') || left.text === 'model_config' || left.text.startsWith('_')) continue;
        const type = a.childForFieldName('type')?.text ?? '';
        if (/^ClassVar\b/.test(type)) continue;
        facts.envReads.push({ name: (prefix + left.text).toUpperCase(), range: rangeOf(left), via: 'BaseSettings field', hasDefault: !!a.childForFieldName('right') });
      }
    };

    const root = syntaxFor(tree, text).rootNode;
    visit(root, false, false, true);
    if (!facts.syntaxError && root.hasError) noteError(root);
    return facts;
  }
}

/** Everything the facts hold, in order (Sets and Maps as arrays in insertion order). */
function key(f: PythonFacts): string {
  return JSON.stringify({ ...f, moduleNames: [...f.moduleNames], moduleServers: [...f.moduleServers], moduleFunctions: [...f.moduleFunctions] });
}

interface Tally {
  compared: number;
  withErrors: number;
  skipped: number;
  failures: string[];
}

/** The reference against each way in: the lint's model (as the CLI), a model of its own, a partial model, the walk. */
function compare(name: string, text: string, t: Tally): void {
  const tree = parsePython(text);
  try {
    const m = modelOrSkip(tree, text);
    if (m.skipped !== undefined) {
      t.skipped++;
      return;
    }
    const lineStarts = computeLineStarts(text);
    const got = key(pythonFactsOf(tree, text, m.model, lineStarts));
    const want = key(referenceFactsOf(tree, text, m.model, lineStarts));
    const view = { ...m.model, whole: m.model } as FileModel; // as an incremental lint's view: not the whole file's lists
    // Two lists holding a node of the same span leave the order to the walk (no real tree has been seen to need it).
    const root = m.model.root;
    const tied = { ...m.model, functions: [root], classes: [root] } as FileModel;
    tied.whole = tied;
    const ways: Array<[string, string]> = [
      ['lint model', got],
      ['own model', key(pythonFacts(text))],
      ['partial model', key(pythonFactsOf(tree, text, view))],
      ['walk', key(pythonFactsOf(tree, text, tied, lineStarts))],
    ];
    for (const [way, k] of ways) {
      if (k !== want && t.failures.length < 10) t.failures.push(`${name} (${way}):\n  want ${want.slice(0, 1500)}\n  got  ${k.slice(0, 1500)}`);
    }
    t.compared++;
    if (tree.rootNode.hasError) t.withErrors++;
  } finally {
    tree.delete();
  }
}

/** The text cut at a few places: mid-statement, mid-string, mid-block. */
function truncations(text: string): string[] {
  const cuts = new Set<number>();
  for (const f of [0.07, 0.19, 0.33, 0.5, 0.61, 0.78, 0.93]) cuts.add(Math.floor(text.length * f));
  for (const s of ['(', '"', 'import ', 'def ', 'class ', 'try:', 'os.environ', 'getenv(']) {
    const i = text.indexOf(s);
    if (i >= 0) cuts.add(i + Math.ceil(s.length / 2));
  }
  return [...cuts].filter((c) => c > 0 && c < text.length).map((c) => text.slice(0, c));
}

/**
 * Reads with only what tree-sitter skips between `environ` and the bracket (or `as`), one per file: a file
 * is searched for subscripts only when the text shows it can hold such a read.
 */
const SEPARATED: Array<[string, string]> = [
  ['import os\na = (os.environ  # a comment\n     ["COMMENT"])\n', 'COMMENT'],
  ['import os\nb = (os.environ # a\rcarriage return in a comment\n     ["CR_IN_COMMENT"])\n', 'CR_IN_COMMENT'],
  ['import os\nc = os.environ \\\n    ["CONTINUED"]\n', 'CONTINUED'],
  ['import os\nc = os.environ \\\r\n    ["CONTINUED_CRLF"]\n', 'CONTINUED_CRLF'],
  ['import os\nd = os.environ\u200b\u2060\ufeff\f\t\v["ODD_SPACE"]\n', 'ODD_SPACE'],
  ['from os import (environ  # the alias follows\n    as ENV)\ne = ENV["ALIASED"]\n', 'ALIASED'],
  ['from os import environ \\\n as ENV\ne = ENV["ALIASED_CONTINUED"]\n', 'ALIASED_CONTINUED'],
];

const SNIPPETS: Record<string, string> = {
  scopes: [
    'import os, sys as system, a.b.c',
    'from os import environ as env, getenv',
    'from . import sibling',
    'from ..pkg.mod import (x, y as z)',
    'from m import *',
    'a = b = 1',
    'c, (d, [e, f]) = g()',
    'h: int = 3',
    'x.y = 1',
    '@decorator',
    'def decorated(): pass',
    'def plain():',
    '    import json',
    '    inner = os.getenv("INNER", "d")',
    '    def nested(): pass',
    '    class Local: pass',
    'class Top(Base):',
    '    import csv',
    '    attr = 1',
    '    def method(self): return os.environ["IN_METHOD"]',
    'lam = lambda: os.environ.get("IN_LAMBDA")',
    'for i in range(3):',
    '    loop_var = i',
    'with open("f") as fh:',
    '    with_var = fh.read()',
    'while False:',
    '    import while_mod',
    'match x:',
    '    case 1:',
    '        matched = env["MATCHED"]',
    'if __name__ == "__main__":',
    '    main_var = getenv("MAIN")',
    '',
  ].join('\n'),
  optional: [
    'try:',
    '    import yaml',
    '    from ruamel import yaml as ry',
    'except ImportError:',
    '    yaml = None',
    '    import fallback_mod',
    'else:',
    '    import else_mod',
    'finally:',
    '    import finally_mod',
    'try:',
    '    import strict_mod',
    'except ValueError:',
    '    pass',
    'try:',
    '    import bare_mod',
    'except:',
    '    pass',
    'try:',
    '    import group_mod',
    'except* (OSError, Exception):',
    '    pass',
    'from typing import TYPE_CHECKING',
    'import typing',
    'if TYPE_CHECKING:',
    '    from heavy import Thing',
    '    try:',
    '        import nested_optional',
    '    except OSError:',
    '        pass',
    'elif typing.TYPE_CHECKING:',
    '    import elif_mod',
    'else:',
    '    import else_branch',
    'if typing.TYPE_CHECKING:',
    '    def f():',
    '        import in_func_optional',
    '',
  ].join('\n'),
  env: [
    'import os as o',
    'o.environ["BEFORE_ALIAS_OK"]',
    'environ["BEFORE_IMPORT"]',
    'getenv("BEFORE_IMPORT_GETENV")',
    'from os import environ, getenv as ge',
    'environ["AFTER_IMPORT"]',
    'ge("AFTER", default=None)',
    'os.environ["STORE"] = "x"',
    'os.environ.setdefault("SETDEFAULT", "1")',
    'os.environ.pop("POP")',
    'o.getenv("ALIASED", "d")',
    'os.getenv(f"FSTRING")',
    'os.getenv("not-an-identifier")',
    'os.environ.get(  # comment',
    '    "COMMENTED")',
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    'from typing import ClassVar',
    'class Settings(BaseSettings):',
    '    model_config = SettingsConfigDict(env_prefix="app_")',
    '    token: str',
    '    port: int = 8000',
    '    _private: str = ""',
    '    registry: ClassVar[dict] = {}',
    '    class Config:',
    '        env_prefix = "cfg_"',
    'class Plain(pydantic.BaseSettings):',
    '    value: str',
    '',
  ].join('\n'),
  errors: [
    'import os',
    'from x import (a,',
    'def broken(:',
    '    os.getenv("IN_BROKEN")',
    'class K(BaseSettings)',
    '    field: str',
    'x = os.environ[',
    'print "py2"',
    '',
  ].join('\n'),
};

test('pythonFactsOf gives the facts of the walk it replaced, in the same order', async () => {
  await initParser();
  const t: Tally = { compared: 0, withErrors: 0, skipped: 0, failures: [] };
  const dirs = ['test/fixtures', 'templates', 'examples'].map((d) => path.join(ROOT, d));
  const extra = (process.env.PYFACTS_DIRS ?? '').split(path.delimiter).filter(Boolean);
  let files = 0;
  for (const file of [...dirs, ...extra].flatMap(pyFiles)) {
    const text = fs.readFileSync(file, 'utf8');
    files++;
    compare(file, text, t);
    for (const cut of truncations(text)) compare(`${file} cut at ${cut.length}`, cut, t);
  }
  for (const [text, name] of SEPARATED) compare(name, text, t);
  for (const [name, text] of Object.entries(SNIPPETS)) {
    compare(name, text, t);
    for (const cut of truncations(text)) compare(`${name} cut at ${cut.length}`, cut, t);
  }
  const corpus = seedCorpus();
  const fuzzCount = Number(process.env.PYFACTS_FUZZ ?? 300);
  for (let i = 0; i < fuzzCount; i++) {
    const c = makeCase(corpus, 20250611, i);
    compare(`fuzz #${i} from ${c.seed} (${c.mutations.join(' + ')})`, c.text, t);
  }
  console.log(`python facts: ${files} files, ${t.compared} texts compared (${t.withErrors} with syntax errors), ${t.skipped} nested too deeply to lint`);
  assert.ok(files > 100 && t.withErrors > 500, `the inputs reach the error paths (${files} files, ${t.withErrors} with errors)`);
  assert.deepEqual(t.failures, []);
});

test('the hand-written cases give the facts the readiness checks rely on', async () => {
  await initParser();
  const f = pythonFacts(SNIPPETS.scopes);
  // A decorated definition is not met at module scope by the walk; the names the checks look up are plain defs.
  assert.deepEqual([...f.moduleFunctions], ['plain']);
  assert.ok(f.moduleNames.has('a') && !f.moduleNames.has('b') && f.moduleNames.has('Top') && !f.moduleNames.has('inner'));
  assert.deepEqual(
    f.imports.map((i) => [i.module, i.moduleLevel, i.optional]),
    [['os', true, false], ['sys', true, false], ['a.b.c', true, false], ['os', true, false], ['', true, false], ['pkg.mod', true, false], ['m', true, false], ['json', false, false], ['csv', true, false], ['while_mod', true, false]],
  );
  const o = pythonFacts(SNIPPETS.optional);
  // A bare `except:` and `except*` count as tolerant; `if TYPE_CHECKING:` covers its block only, functions in it too.
  assert.deepEqual(
    o.imports.filter((i) => i.optional).map((i) => i.module),
    ['yaml', 'ruamel', 'bare_mod', 'group_mod', 'heavy', 'nested_optional', 'in_func_optional'],
  );
  const e = pythonFacts(SNIPPETS.env);
  assert.deepEqual(
    e.envReads.map((r) => r.name),
    ['BEFORE_ALIAS_OK', 'AFTER_IMPORT', 'AFTER', 'SETDEFAULT', 'POP', 'ALIASED', 'COMMENTED', 'CFG_TOKEN', 'CFG_PORT', 'VALUE'],
  );
  for (const [text, name] of SEPARATED) {
    const tree = parsePython(text);
    const clean = !tree.rootNode.hasError;
    tree.delete();
    // Only a text that parses is searched with the narrow pattern: one that does not would test nothing.
    assert.ok(clean, JSON.stringify(text));
    assert.deepEqual(pythonFacts(text).envReads.map((r) => r.name), [name], JSON.stringify(text));
  }
  assert.ok(pythonFacts(SNIPPETS.errors).syntaxError);
});
