import { defineRule } from './api';
import { authCalls } from './util-auth';
import { keywordNode } from './util-api';

export default defineRule({
  meta: {
    code: 'FMCP502',
    name: 'consent-disabled',
    title: 'OAuth consent screen turned off',
    severity: 'warning',
    docs: {
      what: 'Flags `require_authorization_consent=False` on `OAuthProxy` or a FastMCP auth provider.',
      why: 'The consent screen stops a malicious MCP client from silently obtaining tokens through your proxy with the user\'s existing upstream session (a confused-deputy attack). FastMCP logs "Authorization consent screen disabled - only use for local development or testing. In production, this screen protects against confused deputy attacks."',
      example: 'auth = GoogleProvider(client_id=..., client_secret=..., base_url=BASE_URL, require_authorization_consent=False)',
      useInstead: 'auth = GoogleProvider(client_id=..., client_secret=..., base_url=BASE_URL)',
      guide: [22],
      notes: 'Only the literal `False` is flagged; a value read from configuration is left alone, as are test files.',
    },
  },
  check(ctx) {
    if (ctx.isTestFile) return;
    for (const { call, cls } of authCalls(ctx)) {
      const value = ctx.model.callArgs(call).keywords.get('require_authorization_consent');
      if (!value || value.type !== 'false') continue;
      ctx.report({
        node: keywordNode(value) ?? value,
        message: `\`${cls}\` with the consent screen off: any MCP client can obtain tokens through this proxy without the user approving it (confused-deputy attack). Keep the default (\`True\`) outside local development.`,
      });
    }
  },
});
