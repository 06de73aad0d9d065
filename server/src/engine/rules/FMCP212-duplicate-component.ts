import type { Node } from '../parse';
import type { Component } from '../model/model';
import { stringValue } from '../model/model';
import { defineRule } from './api';
import { componentIsClean, decoratedDefinition, explicitName } from './util-components';

/** The name a component is registered under, or null when it is not known statically. */
function effectiveName(c: Component): { name: string; node: Node } | null {
  if (c.kind === 'resource') {
    const uri = c.keywords.get('uri') ?? c.positional[0];
    const v = stringValue(uri ?? null);
    return v && uri ? { name: v, node: uri } : null;
  }
  const n = explicitName(c);
  if (n) return n.value ? { name: n.value, node: n.node } : null;
  const nameNode = c.func.childForFieldName('name');
  return nameNode && c.funcName ? { name: c.funcName, node: nameNode } : null;
}

/**
 * What a component is compared by: its server, kind, block and name, or null when it is left out. It depends on
 * the component alone, so it is worked out once per component (a statement an edit left alone keeps its
 * components from lint to lint).
 */
function registration(c: Component): { key: string; eff: { name: string; node: Node } } | null {
  let r = registrations.get(c);
  if (r === undefined) {
    r = null;
    const block = decoratedDefinition(c)?.parent;
    const eff = c.serverVar && componentIsClean(c) && !c.hasSplat && !c.keywords.has('version') && block ? effectiveName(c) : null;
    // The root (the module, or an ERROR node when the file does not parse as one) is copied anew for every
    // lint; a block inside a statement is kept with the statement.
    if (eff && block) r = { key: `${c.serverVar!.node.id}\u0000${c.kind}\u0000${block.parent ? block.id : 'root'}\u0000${eff.name}`, eff };
    registrations.set(c, r);
  }
  return r;
}
const registrations = new WeakMap<Component, { key: string; eff: { name: string; node: Node } } | null>();

export default defineRule({
  meta: {
    code: 'FMCP212',
    name: 'duplicate-component',
    title: 'Two components with the same name on one server',
    severity: 'warning',
    docs: {
      what: 'Flags a tool, resource or prompt registered on a server under a name (tools and prompts: the explicit name or the function name; resources: the URI) that an earlier component of the same kind on the same server in the same file already uses.',
      why: 'A server keeps one component per name. By default FastMCP logs "Component already exists" (the SDK "Tool already exists") and one of the two silently wins, so clients never see the other; with `on_duplicate="error"` the server fails at import with ValueError. Usually a copy-pasted function was not renamed.',
      example: '@mcp.tool\ndef search(query: str) -> list[str]: ...\n\n@mcp.tool\ndef search(query: str, limit: int) -> list[str]: ...',
      useInstead: '@mcp.tool\ndef search(query: str) -> list[str]: ...\n\n@mcp.tool\ndef search_limited(query: str, limit: int) -> list[str]: ...',
      notes: 'Only components whose definitions sit side by side in one block are compared, so alternatives in `if`/`else` or `try`/`except` branches are not flagged; neither are components with `version=` (FastMCP 3 keeps several versions of one name) or names that are not literals.',
    },
  },
  check(ctx) {
    const firstSeen = new Map<string, { c: Component; node: Node }>();
    for (const c of ctx.model.components) {
      const named = registration(c);
      if (!named) continue;
      const { key, eff } = named;
      const prior = firstSeen.get(key);
      if (!prior) {
        firstSeen.set(key, { c, node: eff.node });
        continue;
      }
      if (prior.c.func.id === c.func.id) continue;
      const what = c.kind === 'resource' ? `resource URI "${eff.name}"` : `${c.kind} name "${eff.name}"`;
      ctx.report({
        node: eff.node,
        message: `Duplicate ${what} on \`${c.server}\` (first registered on line ${ctx.range(prior.node).start.line + 1}): the server keeps only one of them and logs "already exists" (ValueError with on_duplicate="error"). Give this ${c.kind} its own ${c.kind === 'resource' ? 'URI' : 'name'}.`,
      });
    }
  },
});
