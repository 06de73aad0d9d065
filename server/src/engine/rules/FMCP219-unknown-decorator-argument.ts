import { closest } from '../config/settings';
import { defineRule } from './api';
import {
  acceptedKeywords,
  checkKeyword,
  FASTMCP_SERVER_DECORATOR_KEYWORDS,
  FASTMCP_STANDALONE_DECORATOR_KEYWORDS,
  SDK_DECORATOR_KEYWORDS,
  type KeywordTable,
} from './data-decorator-keywords';
import { componentIsClean, keywordArgument } from './util-components';

const STANDALONE_SINCE = '3.0.0b1';

/** Spellings borrowed from other APIs, and the keyword meant. */
const ALIASES: Record<string, string> = {
  desc: 'description',
  descr: 'description',
  mimeType: 'mime_type',
  mimetype: 'mime_type',
  structured_output: 'output_schema',
  output_schema: 'structured_output',
  icon: 'icons',
  metadata: 'meta',
};

/** What to use instead of a keyword that a newer FastMCP removed. */
const REMOVED_HINT: Record<string, string> = {
  enabled: 'FastMCP 3 removed it: register the component and hide it with `mcp.disable(names={...})` (or `mcp.enable(...)`).',
  ui: 'FastMCP 3.0.0rc1 replaced it with `app=AppConfig(...)`.',
};

export default defineRule({
  meta: {
    code: 'FMCP219',
    name: 'unknown-decorator-argument',
    title: 'Decorator keyword the target version does not accept',
    severity: 'error',
    docs: {
      what: 'Flags a keyword argument of `@mcp.tool`, `@mcp.resource`, `@mcp.prompt` (or the standalone `@tool`/`@resource`/`@prompt` of FastMCP 3) that the decorator does not accept at the target FastMCP version: keywords no version ever had, keywords added later (`icons=` before 2.13, `task=` before 2.14), and keywords removed (`enabled=` in 3.0, `ui=` from 3.0.0rc1). For the MCP SDK\'s FastMCP, keywords that no SDK version accepts (it has `structured_output=`, not `tags=` or `output_schema=`).',
      why: 'The decorators have fixed signatures, so an unknown keyword raises `TypeError: … got an unexpected keyword argument \'…\'` while the module is imported and the server never starts. These usually come from examples written for another FastMCP version or for the other FastMCP flavor.',
      example: '@mcp.tool(enabled=False, desc="Look up a user")\ndef lookup_user(user_id: str) -> dict: ...',
      useInstead: '@mcp.tool(description="Look up a user")\ndef lookup_user(user_id: str) -> dict: ...\n\nmcp.disable(names={"lookup_user"})',
      notes: 'The keyword table per version is read from the decorator signatures at every FastMCP tag from 2.0.0 to 3.0.0rc2, and at every MCP SDK tag 1.2.0 to 1.29.0. When the FastMCP version is unknown only keywords that no version accepts are flagged; for the SDK flavor (whose `mcp` version is not resolved) only keywords no SDK version accepts. Decorators with `**` splats are left alone.',
    },
  },
  check(ctx) {
    const version = ctx.target.version;
    for (const c of ctx.model.components) {
      if (!c.call || c.hasSplat || c.keywords.size === 0 || !componentIsClean(c)) continue;
      let table: KeywordTable;
      let checkedVersion: string | null;
      let product: string;
      if (c.flavor === 'sdk') {
        table = SDK_DECORATOR_KEYWORDS;
        checkedVersion = null;
        product = 'the MCP SDK\'s FastMCP';
      } else if (c.serverVar) {
        table = FASTMCP_SERVER_DECORATOR_KEYWORDS;
        checkedVersion = version;
        product = version ? `FastMCP ${version}` : 'FastMCP';
      } else {
        if (version && ctx.target.below(STANDALONE_SINCE)) continue;
        table = FASTMCP_STANDALONE_DECORATOR_KEYWORDS;
        checkedVersion = version;
        product = version ? `FastMCP ${version}` : 'FastMCP';
      }
      const deco = `@${c.callee.text}`;
      for (const [kw, value] of c.keywords) {
        const verdict = checkKeyword(table, c.kind, kw, checkedVersion);
        if (verdict.ok) continue;
        let message: string;
        if (verdict.never) {
          const options = acceptedKeywords(table, c.kind, checkedVersion).filter((k) => k !== 'name_or_fn' && k !== 'uri' && !c.keywords.has(k));
          const alias = Object.prototype.hasOwnProperty.call(ALIASES, kw) && options.includes(ALIASES[kw]) ? ALIASES[kw] : null;
          const guess = alias ?? closest(kw, options, 2);
          const other =
            c.flavor === 'sdk' && Object.prototype.hasOwnProperty.call(FASTMCP_SERVER_DECORATOR_KEYWORDS[c.kind], kw)
              ? ` (\`${kw}=\` belongs to the standalone \`fastmcp\` package, not to \`mcp.server.fastmcp\`)`
              : '';
          message = `\`${deco}\` has no \`${kw}=\` parameter in ${c.flavor === 'sdk' ? 'any version of the MCP SDK\'s FastMCP' : 'any FastMCP version'}${other}: the decorator raises TypeError when the module is imported.${guess ? ` Did you mean \`${guess}=\`?` : ''}`;
        } else {
          const { span } = verdict;
          if (span.until && checkedVersion && ctx.target.atLeast(span.until)) {
            message = `\`${deco}\` no longer accepts \`${kw}=\` in ${product}: TypeError when the module is imported. ${REMOVED_HINT[kw] ?? `It was removed in ${span.until}.`}`;
          } else {
            message = `\`${deco}\` accepts \`${kw}=\` only from FastMCP ${span.since}${span.until ? ` until ${span.until}` : ''}; on ${product} it raises TypeError when the module is imported. Raise the fastmcp requirement or drop the argument.`;
          }
        }
        ctx.report({ node: keywordArgument(value), message });
      }
    }
  },
});
