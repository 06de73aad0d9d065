import type { Node } from '../parse';
import { ownCallsWhere, stringValue } from '../model/model';
import { defineRule } from './api';
import { componentIsClean, explicitName } from './util-components';

const VALID = /^[A-Za-z0-9._-]{1,128}$/;

/** What is wrong with a tool name under SEP-986, or null when it is valid. */
export function toolNameProblem(name: string): string | null {
  if (name.length > 128) return `it is ${name.length} characters long (at most 128)`;
  if (!VALID.test(name)) {
    if (/\s/.test(name)) return 'it contains whitespace';
    if (name.includes(',')) return 'it contains a comma';
    const bad = [...new Set(name.replace(/[A-Za-z0-9._-]/g, ''))];
    return `it contains ${bad.length > 1 ? 'the characters' : 'the character'} ${bad.map((ch) => JSON.stringify(ch)).join(', ')}`;
  }
  if (/^[-.]|[-.]$/.test(name)) return `it ${/^[-.]/.test(name) ? 'starts' : 'ends'} with "${/^[-.]/.test(name) ? name[0] : name[name.length - 1]}"`;
  return null;
}

export default defineRule({
  meta: {
    code: 'FMCP211',
    name: 'invalid-tool-name',
    title: 'Tool name outside the MCP naming rules',
    severity: 'warning',
    docs: {
      what: 'Flags an explicit tool name (the decorator\'s positional name or `name=`, or `name=` of a direct `mcp.tool(fn, name=...)`/`mcp.add_tool(fn, name=...)` call) that does not match `^[A-Za-z0-9._-]{1,128}$`, or that starts or ends with `-` or `.`.',
      why: 'The MCP specification (2025-11-25, SEP-986) restricts tool names to ASCII letters, digits, `_`, `-` and `.`, 1 to 128 characters. FastMCP ≥ 2.14 and the MCP SDK log `Tool name validation warning for "…"` and register the tool anyway, but clients and model providers that enforce the rule reject or mangle it: a name with a space or a slash may be unusable from some hosts.',
      example: '@mcp.tool(name="get weather")\ndef get_weather(city: str) -> str:\n    ...',
      useInstead: '@mcp.tool(name="get_weather")\ndef get_weather(city: str) -> str:\n    ...',
      notes: 'Only literal names are checked; names built at run time and names taken from the function are left alone (Python identifiers are always valid). A server namespace added by mounting also counts toward the 128 characters; that is not checked.',
    },
  },
  check(ctx) {
    const check = (node: Node, value: string | null) => {
      if (value === null || value === '') return;
      const problem = toolNameProblem(value);
      if (!problem) return;
      const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
      ctx.report({
        node,
        message: `Tool name "${shown}" breaks the MCP naming rules (SEP-986): ${problem}. Clients that enforce the rule reject or rename the tool; use only letters, digits, "_", "-" and "." (e.g. "${suggest(value)}").`,
      });
    };
    const seen = new Set<number>();
    for (const c of ctx.model.components) {
      if (c.kind !== 'tool' || !componentIsClean(c)) continue;
      const n = explicitName(c);
      if (n) {
        seen.add(n.node.id);
        check(n.node, n.value);
      }
    }
    for (const call of ownCallsWhere(ctx.model, TOOL_CALLS, isToolCall)) {
      const fn = call.childForFieldName('function')!;
      if (!ctx.model.serverOf(fn.childForFieldName('object'))) continue;
      const args = ctx.model.callArgs(call);
      const name = args.keywords.get('name');
      if (!name || seen.has(name.id)) continue;
      check(name, stringValue(name));
    }
  },
});

function suggest(name: string): string {
  let s = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[-._]+|[-._]+$/g, '');
  if (!s) s = 'tool';
  return s.slice(0, 128);
}

const TOOL_CALLS = {};

/** `x.tool(...)` or `x.add_tool(...)`, on any object, without syntax errors. */
function isToolCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || call.hasError) return false;
  const method = fn.childForFieldName('attribute')?.text;
  return method === 'tool' || method === 'add_tool';
}
