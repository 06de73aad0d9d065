import { defineRule } from './api';
import { authCalls } from './util-auth';
import { keywordNode } from './util-api';

export default defineRule({
  meta: {
    code: 'FMCP505',
    name: 'empty-redirect-allowlist',
    title: 'Empty list of allowed client redirect URIs',
    severity: 'warning',
    docs: {
      what: 'Flags `allowed_client_redirect_uris=[]` on `OAuthProxy` or a FastMCP auth provider.',
      why: 'An empty list accepts no redirect URI at all, so every OAuth client is refused at registration; FastMCP logs "allowed_client_redirect_uris is empty list; no redirect URIs will be accepted. This will block all OAuth clients." `None` (the default) allows any, and a list of patterns allows those.',
      example: 'auth = GitHubProvider(..., allowed_client_redirect_uris=[])',
      useInstead: 'auth = GitHubProvider(..., allowed_client_redirect_uris=["http://localhost:*", "https://claude.ai/api/mcp/auth_callback"])',
    },
  },
  check(ctx) {
    for (const { call, cls } of authCalls(ctx)) {
      const value = ctx.model.callArgs(call).keywords.get('allowed_client_redirect_uris');
      if (!value || value.type !== 'list' || value.namedChildren.some((c) => c && c.type !== 'comment')) continue;
      ctx.report({
        node: keywordNode(value) ?? value,
        message: `\`${cls}\` with an empty redirect allowlist refuses every OAuth client. List the redirect URI patterns your clients use, or omit the argument to allow any.`,
      });
    }
  },
});
