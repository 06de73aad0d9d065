import type { Node } from '../parse';
import type { FileModel } from '../model/model';
import { defineRule } from './api';
import { componentIsClean, isInnermostDecorator, ownReturns, returnedValue } from './util-components';

/** `PromptMessage` of the MCP types (also re-exported by FastMCP), not FastMCP 3's `Message`. */
function isPromptMessage(model: FileModel, node: Node | null): boolean {
  if (!node || (node.type !== 'identifier' && node.type !== 'attribute')) return false;
  const q = model.resolve(node);
  if (!q) return false;
  return q === 'mcp.types.PromptMessage' || q === 'mcp.PromptMessage' || (q.startsWith('fastmcp.') && q.endsWith('.PromptMessage'));
}

/** What a returned expression holds that FastMCP 3 rejects. */
function badItem(model: FileModel, v: Node): string | null {
  if (v.type === 'dictionary') return 'a dict';
  if (v.type === 'call' && isPromptMessage(model, v.childForFieldName('function'))) return 'a PromptMessage';
  return null;
}

function badValue(model: FileModel, v: Node): string | null {
  const direct = badItem(model, v);
  if (direct) return direct;
  if (v.type === 'list' || v.type === 'tuple') {
    for (const item of v.namedChildren) {
      const bad = item ? badItem(model, item) : null;
      if (bad) return `${bad === 'a dict' ? 'dicts' : 'PromptMessage objects'} in a list`;
    }
  }
  if (v.type === 'list_comprehension') {
    const body = v.childForFieldName('body');
    const bad = body ? badItem(model, body) : null;
    if (bad) return `${bad === 'a dict' ? 'dicts' : 'PromptMessage objects'} in a list`;
  }
  return null;
}

/** A return annotation naming `dict`/`PromptMessage`, alone or as list items. */
function badAnnotation(model: FileModel, ann: Node): string | null {
  const t = ann.type === 'type' ? ann.namedChild(0) : ann;
  if (!t) return null;
  const head = (n: Node): Node | null => (n.type === 'generic_type' ? n.namedChild(0) : n.type === 'subscript' ? n.childForFieldName('value') : null);
  const isDict = (n: Node | null) => !!n && ((n.type === 'identifier' && n.text === 'dict') || model.resolve(n) === 'typing.Dict');
  if (isPromptMessage(model, t)) return 'a PromptMessage';
  if (isDict(t) || isDict(head(t))) return 'a dict';
  const h = head(t);
  if (h && ((h.type === 'identifier' && h.text === 'list') || model.resolve(h) === 'typing.List' || model.resolve(h) === 'typing.Sequence')) {
    const inner = t.type === 'generic_type' ? t.namedChild(1)?.namedChild(0) : t.childForFieldName('subscript');
    const elem = inner?.type === 'type' ? inner.namedChild(0) : inner;
    if (elem && isPromptMessage(model, elem)) return 'PromptMessage objects in a list';
    if (elem && (isDict(elem) || isDict(head(elem)))) return 'dicts in a list';
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'FMCP217',
    name: 'prompt-returns-dicts',
    title: 'Prompt returns dicts or PromptMessage (FastMCP 3)',
    severity: 'error',
    flavors: 'fastmcp',
    versions: { min: '3.0.0b1' },
    docs: {
      what: 'Flags a prompt function that returns dict literals or `PromptMessage` objects (alone or in a list), or whose return annotation says it does.',
      why: 'FastMCP 2 accepted message dicts and `mcp.types.PromptMessage`. FastMCP 3 accepts only `str`, a list of `Message`/`str`, or a `PromptResult`, and rendering the prompt fails with `TypeError: messages[0] must be Message or str, got dict. Use Message(...) to wrap the value.` (or "Prompt must return str, list[Message], or PromptResult") — each time a client asks for it.',
      example: '@mcp.prompt\ndef review(code: str) -> list[dict]:\n    return [{"role": "user", "content": f"Review this code:\\n{code}"}]',
      useInstead: 'from fastmcp.prompts import Message\n\n@mcp.prompt\ndef review(code: str) -> list[Message]:\n    return [Message(f"Review this code:\\n{code}")]',
      notes: 'FastMCP ≥ 3.0 only; silent on 2.x and when the version is unknown. `Message` from `fastmcp.prompts` is the v3 type and is not flagged. Values computed at run time are not followed. A function wrapped by another decorator under the FastMCP one is left alone.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.kind !== 'prompt' || !componentIsClean(c) || !isInnermostDecorator(c)) continue;
      const ann = c.func.childForFieldName('return_type');
      const annBad = ann ? badAnnotation(ctx.model, ann) : null;
      if (ann && annBad) {
        ctx.report({
          node: ann,
          message: `Prompt \`${c.funcName}\` returns ${annBad}: FastMCP 3 accepts only str, a list of Message/str, or PromptResult and raises TypeError each time the prompt is rendered. Return \`Message(...)\` objects from \`fastmcp.prompts\` (or plain strings).`,
        });
        continue;
      }
      for (const ret of ownReturns(c.func)) {
        const v = returnedValue(ret);
        const bad = v ? badValue(ctx.model, v) : null;
        if (!v || !bad) continue;
        ctx.report({
          node: v,
          message: `Prompt \`${c.funcName}\` returns ${bad}: FastMCP 3 accepts only str, a list of Message/str, or PromptResult and raises TypeError each time the prompt is rendered. Use \`Message(...)\` from \`fastmcp.prompts\` (or plain strings).`,
        });
      }
    }
  },
});
