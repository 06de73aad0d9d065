import type { Node } from '../parse';
import type { Component } from '../model/model';
import { defineRule } from './api';
import { componentIsClean, docstringOf, docstringText } from './util-components';

export default defineRule({
  meta: {
    code: 'FMCP215',
    name: 'missing-description',
    title: 'Tool without a description',
    severity: 'info',
    docs: {
      what: 'Flags a tool whose function has no docstring and whose decorator passes no `description=`.',
      why: 'The description is what the model reads to decide whether and how to call a tool. FastMCP and the MCP SDK take it from `description=` or else from the docstring; without either the tool is published with no description, and models pick it by its name alone — often wrongly, or not at all.',
      example: '@mcp.tool\ndef convert(amount: float, currency: str) -> float:\n    return amount * RATES[currency]',
      useInstead: '@mcp.tool\ndef convert(amount: float, currency: str) -> float:\n    """Convert an amount in euros to `currency` at today\'s rate."""\n    return amount * RATES[currency]',
      notes: 'Tools only. A docstring is the function\'s first statement when it is a plain string literal (not an f-string); an empty one counts as missing. `description=` with any value other than `None` counts as a description, as does a second positional argument (the description in older signatures). Decorators with `**` splats and test files are left alone.',
    },
  },
  check(ctx) {
    // Tools in tests are fixtures for the test, not for a model to choose from.
    if (ctx.isTestFile) return;
    const reported = new Set<number>();
    for (const c of ctx.model.components) {
      if (reported.has(c.func.id)) continue;
      const nameNode = undescribed(c);
      if (!nameNode) continue;
      reported.add(c.func.id);
      ctx.report({
        node: nameNode,
        message: `Tool \`${c.funcName}\` has no description (no docstring, no \`description=\`): the model sees only its name when choosing tools. Add a docstring saying what it does and when to use it.`,
      });
    }
  },
});

/**
 * The name of a tool that has no description, or null. It depends on the component alone: worked out once
 * per component (an open document keeps its components from lint to lint).
 */
function undescribed(c: Component): Node | null {
  let v = undescribedName.get(c);
  if (v === undefined) undescribedName.set(c, (v = readUndescribed(c)));
  return v;
}

const undescribedName = new WeakMap<Component, Node | null>();

function readUndescribed(c: Component): Node | null {
  if (c.kind !== 'tool' || c.hasSplat || !componentIsClean(c)) return null;
  const desc = c.keywords.get('description');
  if (desc && desc.type !== 'none') return null;
  if (c.positional.length > 1) return null;
  const doc = docstringOf(c.func);
  if (doc) {
    const text = docstringText(doc);
    if (text === null || text.trim() !== '') return null;
  }
  return c.func.childForFieldName('name');
}
