import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import { defineRule } from './api';
import { componentIsClean, isInnermostDecorator, lastName, ownReturns, returnedValue } from './util-components';

const DICT_NAMES = new Set(['dict', 'Dict']);
const LIST_NAMES = new Set(['list', 'List']);
const LITERALS = new Set(['dictionary', 'dictionary_comprehension', 'string', 'integer', 'float', 'true', 'false', 'list', 'tuple', 'set']);

/** Is `cls` (a class of this file) a pydantic model, directly or through other classes of the file? */
export function isBaseModelClass(model: FileModel, cls: Node, depth = 0): boolean {
  if (depth > 5) return false;
  const supers = cls.childForFieldName('superclasses');
  for (const s of supers?.namedChildren ?? []) {
    if (!s || (s.type !== 'identifier' && s.type !== 'attribute')) continue;
    const q = model.resolve(s);
    if (q === 'pydantic.BaseModel' || q === 'pydantic.main.BaseModel') return true;
    if (s.type === 'identifier') {
      const local = model.moduleClasses.get(s.text);
      if (local && local.id !== cls.id && isBaseModelClass(model, local, depth + 1)) return true;
    }
  }
  return false;
}

/** What a return annotation says the resource returns, when v3 rejects it. */
function badAnnotation(model: FileModel, ann: Node): string | null {
  let t: Node | null = ann.type === 'type' ? ann.namedChild(0) : ann;
  if (!t) return null;
  if (t.type === 'identifier' || t.type === 'attribute') {
    const name = lastName(model, t);
    if (name && DICT_NAMES.has(name) && (t.type === 'identifier' || model.resolve(t)?.startsWith('typing.'))) return 'a dict';
    if (t.type === 'identifier' && name && LIST_NAMES.has(name) && (name === 'list' || model.resolve(t) === 'typing.List')) return 'a list';
    if (t.type === 'identifier') {
      const cls = model.moduleClasses.get(t.text);
      if (cls && isBaseModelClass(model, cls)) return `a pydantic model (\`${t.text}\`)`;
    }
    return null;
  }
  if (t.type === 'generic_type' || t.type === 'subscript') {
    const head = t.type === 'subscript' ? t.childForFieldName('value') : t.namedChild(0);
    const name = head?.type === 'identifier' ? head.text : null;
    if (!name) return null;
    const q = model.resolve(head) ?? name;
    if (DICT_NAMES.has(name) && (name === 'dict' || q === 'typing.Dict')) return 'a dict';
    if (LIST_NAMES.has(name) && (name === 'list' || q === 'typing.List')) {
      // list[ResourceContent] is what v3 expects for several contents.
      return /\bResourceContent\b/.test(t.text) ? null : 'a list';
    }
  }
  return null;
}

/** What a returned expression is, when v3 rejects it. */
function badValue(model: FileModel, v: Node): string | null {
  switch (v.type) {
    case 'dictionary':
    case 'dictionary_comprehension':
      return 'a dict';
    case 'list': {
      // An empty list or a list of ResourceContent(...) is accepted.
      const items = v.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      return items.some((i) => LITERALS.has(i.type)) ? 'a list' : null;
    }
    case 'list_comprehension': {
      const body = v.childForFieldName('body');
      return body && LITERALS.has(body.type) ? 'a list' : null;
    }
    case 'call': {
      const fn = v.childForFieldName('function');
      if (fn?.type === 'identifier') {
        const cls = model.moduleClasses.get(fn.text);
        if (cls && isBaseModelClass(model, cls)) return `a pydantic model (\`${fn.text}\`)`;
        if (fn.text === 'dict' && !model.resolve(fn)) return 'a dict';
      }
      return null;
    }
    default:
      return null;
  }
}

export default defineRule({
  meta: {
    code: 'FMCP216',
    name: 'resource-returns-non-text',
    title: 'Resource returns a dict, list or model (FastMCP 3)',
    severity: 'error',
    flavors: 'fastmcp',
    versions: { min: '3.0.0b1' },
    docs: {
      what: 'Flags a resource function annotated to return `dict`, `list` or a pydantic model, or that returns a dict literal, a list of plain values or a model instance.',
      why: 'FastMCP 2 turned such values into JSON text for you. FastMCP 3 accepts only `str`, `bytes`, `ResourceResult` or a list of `ResourceContent`, and every read of the resource fails with `TypeError: contents must be str, bytes, or list[ResourceContent], got dict` — the server starts fine and the error appears only when a client reads the resource.',
      example: '@mcp.resource("config://app")\ndef app_config() -> dict:\n    return {"theme": "dark", "version": 3}',
      useInstead: 'import json\n\n@mcp.resource("config://app", mime_type="application/json")\ndef app_config() -> str:\n    return json.dumps({"theme": "dark", "version": 3})',
      guide: [12],
      notes: 'FastMCP ≥ 3.0 only; silent on 2.x and when the version is unknown. `list[ResourceContent]` and lists of `ResourceContent(...)` are accepted and not flagged. Values computed at run time (a variable, a call to another function) are not followed. A function wrapped by another decorator under the FastMCP one is left alone.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.kind !== 'resource' || !componentIsClean(c) || !isInnermostDecorator(c)) continue;
      const ann = c.func.childForFieldName('return_type');
      const annBad = ann ? badAnnotation(ctx.model, ann) : null;
      if (ann && annBad) {
        ctx.report({
          node: ann,
          message: `Resource \`${c.funcName}\` returns ${annBad}: FastMCP 3 accepts only str, bytes or ResourceResult and raises TypeError on every read. Return \`json.dumps(...)\` (with \`mime_type="application/json"\`) or a ResourceResult.`,
        });
        continue;
      }
      for (const ret of ownReturns(c.func)) {
        const v = returnedValue(ret);
        const bad = v ? badValue(ctx.model, v) : null;
        if (!v || !bad) continue;
        ctx.report({
          node: v,
          message: `Resource \`${c.funcName}\` returns ${bad}: FastMCP 3 accepts only str, bytes or ResourceResult and raises TypeError when a client reads it. Return \`json.dumps(...)\` (with \`mime_type="application/json"\`) or a ResourceResult.`,
        });
      }
    }
  },
});
