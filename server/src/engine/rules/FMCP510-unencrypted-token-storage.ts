import { defineRule } from './api';
import { clientStorages, PERSISTENT_STORES } from './util-storage';

export default defineRule({
  meta: {
    code: 'FMCP510',
    name: 'unencrypted-token-storage',
    title: 'OAuth tokens stored in a persistent store without encryption',
    severity: 'warning',
    docs: {
      what: 'Flags `client_storage=` given a persistent py-key-value store (`DiskStore`, `RedisStore`, `DynamoDBStore`, `MongoDBStore`, …) directly, or through a name bound to one, instead of wrapped in `FernetEncryptionWrapper`.',
      why: 'The OAuth proxy keeps upstream access and refresh tokens and client registrations in that store. Unwrapped, they sit in plaintext on disk or in the database, where anyone with access to it can use them. FastMCP\'s own default is a Fernet-encrypted DiskStore; a custom store loses that unless you wrap it.',
      example: 'auth = GitHubProvider(..., client_storage=RedisStore(url=os.environ["REDIS_URL"]))',
      useInstead: 'auth = GitHubProvider(\n    ...,\n    client_storage=FernetEncryptionWrapper(\n        key_value=RedisStore(url=os.environ["REDIS_URL"]),\n        fernet=Fernet(os.environ["STORAGE_ENCRYPTION_KEY"]),\n    ),\n)',
      guide: [16],
      notes: '`MemoryStore` is FMCP511. Stores built elsewhere (function results, other wrappers) are not flagged.',
    },
  },
  check(ctx) {
    for (const { value, store } of clientStorages(ctx)) {
      if (!PERSISTENT_STORES.has(store)) continue;
      ctx.report({
        node: value,
        message: `OAuth tokens go into \`${store}\` unencrypted: anyone who can read that store can use them. Wrap it: \`FernetEncryptionWrapper(key_value=<store>, fernet=Fernet(os.environ[...]))\` (key_value.aio.wrappers.encryption).`,
      });
    }
  },
});
