import type { Node } from '../parse';
import { ownAttributesWhere } from '../model/model';
import { defineRule } from './api';
import { apiStatus, changesFor, historyOf, messageAt, reportShape } from './data-api-changes';

const CHANGES = changesFor('FMCP602', 'server-attribute');

export default defineRule({
  meta: {
    code: 'FMCP602',
    name: 'server-settings-attribute',
    title: '`.settings` read on a server object',
    severity: 'warning',
    deprecation: true,
    flavors: 'fastmcp',
    docs: {
      what: 'Flags `S.settings` where `S` is a FastMCP server: deprecated in 2.8, removed in 3.0.0rc1. `S.settings.get(...)` is flagged in every version: the settings object is a pydantic model, not a dict, and never had `.get`.',
      why: 'While deprecated FastMCP warns "Accessing `.settings` on a FastMCP instance is deprecated. Use the global `fastmcp.settings` instead."; from 3.0 the attribute is gone and the access raises AttributeError. `mcp.settings.get("PORT")` raises AttributeError in every version.',
      example: 'port = mcp.settings.port\napi_key = mcp.settings.get("API_KEY")',
      useInstead: 'import os\n\nimport fastmcp\n\nport = fastmcp.settings.port\napi_key = os.environ["API_KEY"]',
      guide: [9],
      notes: 'Version-aware through the table in `data-api-changes.ts`: nothing before 2.8, a Deprecated warning on 2.8–2.14, an error from 3.0.0rc1; silent when the version is unknown, except for `.settings.get(...)`. The SDK flavor\'s FastMCP has a real `settings` attribute and is not checked.',
    },
  },
  check(ctx) {
    for (const attr of ownAttributesWhere(ctx.model, CHANGED_ATTRIBUTES, (a) => changeOf(a) !== undefined)) {
      const name = attr.childForFieldName('attribute')!;
      const change = changeOf(attr)!;
      const server = ctx.model.serverOf(attr.childForFieldName('object'));
      if (!server || server.flavor !== 'fastmcp') continue;
      // `S.settings = ...` binds a new attribute; only reads are the problem.
      const parent = attr.parent;
      if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === attr.id) continue;

      const outer = parent?.type === 'attribute' && parent.childForFieldName('object')?.id === attr.id ? parent : null;
      const dictGet = outer && outer.childForFieldName('attribute')?.text === 'get' && outer.parent?.type === 'call' && outer.parent.childForFieldName('function')?.id === outer.id;
      if (dictGet) {
        ctx.report({
          node: outer,
          message: `\`${server.name}.settings.get(...)\` raises AttributeError in every FastMCP version: settings are a pydantic model, not a dict. Read your own configuration with \`os.environ.get(...)\`, FastMCP's with \`fastmcp.settings.<field>\`.`,
          severity: 'error',
        });
        continue;
      }
      const status = apiStatus(change, ctx.target);
      if (status === undefined || status === 'current') continue;
      const shape = reportShape(status);
      const message =
        status === 'removed'
          ? `\`${server.name}.settings\` does not exist in FastMCP ${ctx.target.version} (${historyOf(change)}): AttributeError. Use ${change.new}.`
          : `\`${server.name}.settings\` is deprecated (${historyOf(change)}); FastMCP warns: "${messageAt(change, ctx.target)}"`;
      ctx.report({ node: attr, message, severity: shape.severity, deprecated: shape.deprecated });
    }
  },
});

const CHANGED_ATTRIBUTES = {};

/** The change this rule knows for the attribute's name. */
function changeOf(attr: Node): (typeof CHANGES)[number] | undefined {
  const name = attr.childForFieldName('attribute')?.text;
  return name === undefined ? undefined : CHANGES.find((c) => c.old === name);
}
