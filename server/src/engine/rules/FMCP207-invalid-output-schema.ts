import { stringValue } from '../model/model';
import type { Node } from '../parse';
import { defineRule } from './api';

export default defineRule({
  meta: {
    code: 'FMCP207',
    name: 'invalid-output-schema',
    title: 'Tool output schema that is not an object schema',
    severity: 'error',
    deprecation: true,
    flavors: 'fastmcp',
    fix: { safety: 'safe', title: 'Use output_schema=None' },
    docs: {
      what: 'Flags `@mcp.tool(output_schema=…)` given a dict literal that does not describe an object (`"type"` other than `"object"`), and `output_schema=False`, which was deprecated in 2.12 and removed in 2.14 (use `None`).',
      why: 'MCP structured output must be a JSON object, so FastMCP raises `ValueError("Output schemas must represent object types due to MCP spec limitations. Received: …")` when the decorator runs and the server fails to import. `output_schema=False` warns "Passing output_schema=False is deprecated. Use output_schema=None instead." on 2.12–2.13 and fails validation from 2.14.',
      example: '@mcp.tool(output_schema={"type": "array", "items": {"type": "string"}})\ndef tags() -> list[str]:\n    return ["a", "b"]\n\n@mcp.tool(output_schema=False)\ndef raw() -> str:\n    return "x"',
      useInstead: '@mcp.tool(output_schema={"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}})\ndef tags() -> dict:\n    return {"tags": ["a", "b"]}\n\n@mcp.tool(output_schema=None)\ndef raw() -> str:\n    return "x"',
      guide: [11],
      notes: 'Only dict literals are checked (a schema held in a variable is left alone, as is a literal with `**` splats). From 2.13.1 a schema without `"type"` is accepted when it has `"properties"` (or `$ref` with `$defs`); on older targets the rule reports it. `output_schema=False` is reported only when the target version is known (2.10–2.11 accepted it silently).',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.kind !== 'tool' || c.flavor !== 'fastmcp' || c.hasSplat) continue;
      const value = c.keywords.get('output_schema');
      if (!value || value.hasError) continue;
      if (ctx.target.below('2.10') === true) continue;
      if (value.type === 'false') {
        const removed = ctx.target.atLeast('2.14');
        if (removed === undefined || ctx.target.below('2.12') === true) continue;
        ctx.report({
          node: value,
          message: removed
            ? `output_schema=False was removed in FastMCP 2.14: the tool fails validation when the decorator runs. Use output_schema=None to disable structured output.`
            : `output_schema=False is deprecated since FastMCP 2.12 (removed in 2.14): it warns "Passing output_schema=False is deprecated. Use output_schema=None instead.". Use output_schema=None.`,
          severity: removed ? 'error' : 'warning',
          deprecated: !removed,
          fixes: [ctx.fix('Use output_schema=None', 'safe', [ctx.replace(value, 'None')])],
        });
        continue;
      }
      if (value.type !== 'dictionary') continue;
      const schema = literalKeys(value);
      if (!schema) continue;
      const typeNode = schema.get('type');
      let typeValue: string | null | undefined;
      if (typeNode) {
        typeValue = stringValue(typeNode);
        if (typeValue === null && typeNode.type !== 'list') continue;
      }
      const isObject = typeValue === 'object';
      const lenient = isObject || schema.has('properties') || (schema.has('$ref') && schema.has('$defs'));
      // Before 2.13.1 only `"type": "object"` passed; from 2.13.1 `properties` or `$ref`+`$defs` pass too.
      if (lenient && (isObject || ctx.target.below('2.13.1') !== true)) continue;
      const quote = ctx.target.below('2.13.1') === true ? 'Output schemas must have "type" set to "object" due to MCP spec limitations' : 'Output schemas must represent object types due to MCP spec limitations';
      const shown = typeNode ? `"type": ${typeNode.text}` : 'no "type": "object"';
      ctx.report({
        node: typeNode ?? value,
        message: `Output schema with ${shown}: MCP structured output must be an object, so FastMCP raises ValueError when the decorator runs (${quote}). Use {"type": "object", "properties": {…}} (wrap other values in a property), or output_schema=None.`,
      });
    }
  },
});

/** Keys of a dict literal whose keys are all plain strings, or null (splats, computed keys). */
function literalKeys(dict: Node): Map<string, Node> | null {
  const out = new Map<string, Node>();
  for (const ch of dict.namedChildren) {
    if (!ch || ch.type === 'comment') continue;
    if (ch.type !== 'pair') return null;
    const key = stringValue(ch.childForFieldName('key'));
    const v = ch.childForFieldName('value');
    if (key === null || !v) return null;
    out.set(key, v);
  }
  return out;
}
