import { defineRule } from './api';
import { authCalls } from './util-auth';

const OAUTH_PROXY_REQUIRED = ['upstream_authorization_endpoint', 'upstream_token_endpoint', 'upstream_client_id', 'upstream_client_secret', 'token_verifier', 'base_url'];

/** Keyword-only arguments without defaults in 3.0, when providers stopped reading FASTMCP_SERVER_AUTH_* variables. */
const PROVIDER_REQUIRED_V3: Record<string, string[]> = {
  GitHubProvider: ['client_id', 'client_secret', 'base_url'],
  GoogleProvider: ['client_id', 'client_secret', 'base_url'],
  DiscordProvider: ['client_id', 'client_secret', 'base_url'],
  AzureProvider: ['client_id', 'client_secret', 'tenant_id', 'required_scopes', 'base_url'],
  WorkOSProvider: ['client_id', 'client_secret', 'authkit_domain', 'base_url'],
  AuthKitProvider: ['authkit_domain', 'base_url'],
  Auth0Provider: ['config_url', 'client_id', 'client_secret', 'audience', 'base_url'],
  AWSCognitoProvider: ['user_pool_id', 'client_id', 'client_secret', 'base_url'],
  OCIProvider: ['config_url', 'client_id', 'client_secret', 'base_url'],
  DescopeProvider: ['base_url'],
  ScalekitProvider: ['environment_url', 'resource_id'],
  SupabaseProvider: ['project_url', 'base_url'],
};

export default defineRule({
  meta: {
    code: 'FMCP503',
    name: 'oauth-missing-argument',
    title: 'OAuthProxy or provider without its required arguments',
    severity: 'error',
    docs: {
      what: '`OAuthProxy(...)` without one of its six required keywords: `upstream_authorization_endpoint`, `upstream_token_endpoint`, `upstream_client_id`, `upstream_client_secret`, `token_verifier`, `base_url`. On FastMCP 3.0 and later also a built-in provider (`GitHubProvider`, `GoogleProvider`, `AzureProvider`, `Auth0Provider`, …) without the arguments it requires there.',
      why: 'The arguments are keyword-only without defaults, so the call raises `TypeError: … missing 1 required keyword-only argument: \'token_verifier\'` at import. Up to 2.14 providers could read their settings from `FASTMCP_SERVER_AUTH_<PROVIDER>_*` environment variables; 3.0 removed that, so the same code that worked on 2.x fails on 3.x.',
      example: 'auth = OAuthProxy(\n    upstream_authorization_endpoint="https://github.com/login/oauth/authorize",\n    upstream_token_endpoint="https://github.com/login/oauth/access_token",\n    upstream_client_id=os.environ["GITHUB_CLIENT_ID"],\n    upstream_client_secret=os.environ["GITHUB_CLIENT_SECRET"],\n)',
      useInstead: 'auth = OAuthProxy(\n    upstream_authorization_endpoint="https://github.com/login/oauth/authorize",\n    upstream_token_endpoint="https://github.com/login/oauth/access_token",\n    upstream_client_id=os.environ["GITHUB_CLIENT_ID"],\n    upstream_client_secret=os.environ["GITHUB_CLIENT_SECRET"],\n    token_verifier=GitHubTokenVerifier(),\n    base_url="https://mcp.example.com",\n)',
      guide: [23],
      notes: 'Calls with `*args`/`**kwargs` splats or positional arguments are skipped. `OAuthProxy` has required these arguments in every release that has it (2.12+), so it is checked with an unknown target version too; providers are checked only when the target is known to be 3.0 or later.',
    },
  },
  check(ctx) {
    for (const { call, cls } of authCalls(ctx)) {
      if (call.hasError) continue;
      const args = ctx.model.callArgs(call);
      if (args.hasSplat || args.positional.length) continue;
      let required: string[] | undefined;
      if (cls === 'OAuthProxy' && ctx.target.below('2.12.0') !== true) required = OAUTH_PROXY_REQUIRED;
      else if (PROVIDER_REQUIRED_V3[cls] && ctx.target.atLeast('3.0.0b1') === true) required = PROVIDER_REQUIRED_V3[cls];
      if (!required) continue;
      const missing = required.filter((k) => !args.keywords.has(k));
      if (!missing.length) continue;
      const list = missing.map((m) => `\`${m}\``).join(', ');
      const why =
        cls === 'OAuthProxy'
          ? 'they are required keyword-only arguments'
          : `FastMCP ${ctx.target.version} no longer reads them from FASTMCP_SERVER_AUTH_* environment variables; pass them explicitly (e.g. \`os.environ[...]\`)`;
      ctx.report({
        node: call.childForFieldName('function') ?? call,
        message: `\`${cls}(...)\` is missing ${list}: TypeError at import — ${why}.`,
      });
    }
  },
});
