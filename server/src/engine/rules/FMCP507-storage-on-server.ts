import { ownCallsWhere } from '../model/model';
import { fastmcpClassFlavor } from '../model/names';
import { defineRule } from './api';
import { keywordNode } from './util-api';

export default defineRule({
  meta: {
    code: 'FMCP507',
    name: 'storage-on-server',
    title: '`storage=` given to FastMCP()',
    severity: 'error',
    docs: {
      what: 'Flags `FastMCP(..., storage=...)`. No FastMCP release has a `storage` parameter on the server.',
      why: 'The standalone package raises TypeError for the unknown keyword (3.x: "FastMCP() got unexpected keyword argument(s): \'storage\'"), so the module fails to import. Stores are given where they are used: `client_storage=` on `OAuthProxy`/providers (OAuth tokens), `cache_storage=` on `ResponseCachingMiddleware`, `session_state_store=` on `FastMCP` (3.0+, session state).',
      example: 'mcp = FastMCP("notes", storage=RedisStore(url=REDIS_URL))',
      useInstead: 'store = RedisStore(url=REDIS_URL)\nmcp = FastMCP(\n    "notes",\n    auth=GitHubProvider(..., client_storage=FernetEncryptionWrapper(store, fernet=Fernet(os.environ["STORAGE_KEY"]))),\n    middleware=[ResponseCachingMiddleware(cache_storage=store)],\n)',
      guide: [16],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const call of ownCallsWhere(model, STORAGE_SERVERS, (c) => model.callArgs(c).keywords.has('storage') && fastmcpClassFlavor(model.resolve(c.childForFieldName('function'))) !== null)) {
      const value = model.callArgs(call).keywords.get('storage');
      const kw = value ? keywordNode(value) : null;
      if (!kw) continue;
      ctx.report({
        node: kw.childForFieldName('name') ?? kw,
        message: 'FastMCP() has no `storage` parameter: the server fails to start (TypeError). Pass the store where it is used: `client_storage=` on the OAuth proxy/provider, `cache_storage=` on ResponseCachingMiddleware, or `session_state_store=` (FastMCP 3.0+).',
      });
    }
  },
});

const STORAGE_SERVERS = {};
