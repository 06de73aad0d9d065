import { defineRule } from './api';
import { signatureIntact } from './util-resource';

export default defineRule({
  meta: {
    code: 'FMCP208',
    name: 'varargs-in-component',
    title: '*args or **kwargs in a component function',
    severity: 'error',
    docs: {
      what: 'Flags `*args` in a tool, resource or prompt function, and `**kwargs` in a tool or prompt function.',
      why: 'A component\'s arguments are described by a JSON schema with named properties, which variadic parameters cannot express. FastMCP refuses them when the decorator runs — "Functions with *args are not supported as tools" (also "… as prompts", "… as resource templates") and "Functions with **kwargs are not supported as tools" / "… as prompts" — so the server fails to import. The MCP SDK\'s FastMCP accepts the signature but exposes a required argument literally named `args`/`kwargs`; calling a tool with `*args` then fails with TypeError.',
      example: '@mcp.tool\ndef add(*numbers: float) -> float:\n    return sum(numbers)',
      useInstead: '@mcp.tool\ndef add(numbers: list[float]) -> float:\n    return sum(numbers)',
      notes: '`**kwargs` is allowed on resource templates in FastMCP (the URI then names the parameters); the MCP SDK\'s FastMCP requires every parameter in the URI, so `**kwargs` fails there too.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      if (!signatureIntact(c)) continue;
      const sdk = c.flavor === 'sdk';
      const what = c.kind === 'resource' ? 'resource templates' : `${c.kind}s`;
      for (const p of c.params) {
        if (p.kind === 'args') {
          ctx.report({
            node: p.node,
            message: sdk
              ? `\`*${p.name}\` in ${c.kind} \`${c.funcName}\`: the MCP SDK's FastMCP exposes it as a required argument named "${p.name}"${c.kind === 'resource' ? ' and rejects the template ("Mismatch between URI parameters … and function parameters …")' : ' and calling it fails with TypeError'}. Take a \`${p.name}: list[...]\` parameter instead.`
              : `\`*${p.name}\` in ${c.kind} \`${c.funcName}\`: FastMCP raises ValueError when the decorator runs ("Functions with *args are not supported as ${what}"). Take a \`${p.name}: list[...]\` parameter instead.`,
          });
        } else if (p.kind === 'kwargs') {
          if (c.kind === 'resource' && !sdk) continue;
          ctx.report({
            node: p.node,
            message: sdk
              ? `\`**${p.name}\` in ${c.kind} \`${c.funcName}\`: the MCP SDK's FastMCP exposes it as a single required argument named "${p.name}"${c.kind === 'resource' ? ' and rejects the template ("Mismatch between URI parameters … and function parameters …")' : ', not as free-form arguments'}. Declare the parameters by name (or take a \`${p.name}: dict[str, Any]\` parameter).`
              : `\`**${p.name}\` in ${c.kind} \`${c.funcName}\`: FastMCP raises ValueError when the decorator runs ("Functions with **kwargs are not supported as ${what}"). Declare the parameters by name, or take a \`${p.name}: dict[str, Any]\` parameter.`,
          });
        }
      }
    }
  },
});
