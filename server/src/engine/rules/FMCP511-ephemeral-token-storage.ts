import { defineRule } from './api';
import { clientStorages } from './util-storage';

export default defineRule({
  meta: {
    code: 'FMCP511',
    name: 'ephemeral-token-storage',
    title: 'OAuth tokens kept in memory only',
    severity: 'warning',
    docs: {
      what: 'Flags `client_storage=MemoryStore()` (directly or through a name bound to it) on an OAuth proxy or provider.',
      why: 'Registered clients and their tokens live only in the process: every restart or redeploy forgets them, and with more than one instance each has its own. Clients then fail with invalid-client/invalid-token errors and users must authenticate again. FastMCP\'s default (an encrypted DiskStore) survives restarts.',
      example: 'auth = GoogleProvider(..., client_storage=MemoryStore())',
      useInstead: 'auth = GoogleProvider(...)  # default: encrypted DiskStore\n# or, shared between instances:\nauth = GoogleProvider(..., client_storage=FernetEncryptionWrapper(key_value=RedisStore(url=REDIS_URL), fernet=Fernet(KEY)))',
      guide: [16],
      notes: 'Tests and local experiments may want exactly this; suppress the line there (`# noqa: FMCP511`). Test files are not checked.',
    },
  },
  check(ctx) {
    if (ctx.isTestFile) return;
    for (const { value, store } of clientStorages(ctx)) {
      if (store !== 'MemoryStore') continue;
      ctx.report({
        node: value,
        message: 'OAuth clients and tokens kept in `MemoryStore` are lost on every restart or redeploy: clients must register and users sign in again. Omit `client_storage` (FastMCP defaults to an encrypted DiskStore) or use a persistent store wrapped in FernetEncryptionWrapper.',
      });
    }
  },
});
