import type { Fix } from '../types';
import { defineRule } from './api';
import { authCalls } from './util-auth';
import { keywordNode } from './util-api';

export default defineRule({
  meta: {
    code: 'FMCP501',
    name: 'invalid-consent-argument',
    title: '`enable_consent_screen=` on an OAuth proxy or provider',
    severity: 'error',
    fix: { safety: 'safe', title: 'Rename to `require_authorization_consent=`' },
    docs: {
      what: 'Flags `enable_consent_screen=` given to `OAuthProxy` or any FastMCP auth provider. No FastMCP release has that parameter; the consent screen is controlled by `require_authorization_consent` (2.13+), which is on by default.',
      why: 'The constructors take keyword-only arguments, so the unknown keyword raises `TypeError: … got an unexpected keyword argument \'enable_consent_screen\'` when the module is imported and the server never starts.',
      example: 'auth = GitHubProvider(\n    client_id=os.environ["GITHUB_CLIENT_ID"],\n    client_secret=os.environ["GITHUB_CLIENT_SECRET"],\n    base_url="https://mcp.example.com",\n    enable_consent_screen=True,\n)',
      useInstead: 'auth = GitHubProvider(\n    client_id=os.environ["GITHUB_CLIENT_ID"],\n    client_secret=os.environ["GITHUB_CLIENT_SECRET"],\n    base_url="https://mcp.example.com",\n)  # the consent screen is on by default (require_authorization_consent=True)',
      guide: [22],
      notes: 'The rename fix is offered only when the target version is unknown or 2.13 or later: before 2.13 there is no consent screen to configure, and the argument should simply be removed.',
    },
  },
  check(ctx) {
    for (const { call, cls } of authCalls(ctx)) {
      const value = ctx.model.callArgs(call).keywords.get('enable_consent_screen');
      const nameNode = value ? keywordNode(value)?.childForFieldName('name') : null;
      if (!value || !nameNode) continue;
      const fixes: Fix[] = [];
      if (ctx.target.below('2.13.0') !== true && !ctx.model.callArgs(call).keywords.has('require_authorization_consent')) {
        fixes.push(ctx.fix('Rename to `require_authorization_consent=`', 'safe', [ctx.replace(nameNode, 'require_authorization_consent')]));
      }
      ctx.report({
        node: nameNode,
        message: `\`${cls}\` has no \`enable_consent_screen\` parameter: TypeError at import. The consent screen is \`require_authorization_consent\` (FastMCP 2.13+), on by default — drop the argument or rename it.`,
        fixes,
      });
    }
  },
});
