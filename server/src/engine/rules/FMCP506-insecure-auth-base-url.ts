import { stringValue } from '../model/model';
import { defineRule } from './api';
import { authCalls } from './util-auth';

const LOCAL_HOST = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/i;

export default defineRule({
  meta: {
    code: 'FMCP506',
    name: 'insecure-auth-base-url',
    title: 'Auth base URL over plain HTTP on a non-local host',
    severity: 'info',
    docs: {
      what: 'Flags a `base_url=` (or `issuer_url=`) string literal on a FastMCP auth object that starts with `http://` and names a host other than localhost or a loopback address.',
      why: 'OAuth redirects, tokens and cookies then travel unencrypted; FastMCP logs "Using non-secure cookies for development; deploy with HTTPS for production." and most identity providers refuse non-HTTPS callback URLs for anything but localhost.',
      example: 'auth = GitHubProvider(..., base_url="http://mcp.example.com")',
      useInstead: 'auth = GitHubProvider(..., base_url="https://mcp.example.com")',
      notes: 'Only literals are checked. Localhost, `*.localhost`, 127.x.x.x, `[::1]`, 0.0.0.0 and host.docker.internal are development addresses and are not flagged.',
    },
  },
  check(ctx) {
    for (const { call, cls } of authCalls(ctx)) {
      const kw = ctx.model.callArgs(call).keywords;
      for (const key of ['base_url', 'issuer_url']) {
        const value = kw.get(key) ?? null;
        const url = stringValue(value);
        if (!value || !url) continue;
        const m = /^http:\/\/(\[[^\]]*\]|[^/:?#]+)/i.exec(url.trim());
        if (!m || LOCAL_HOST.test(m[1])) continue;
        ctx.report({
          node: value,
          message: `\`${cls}\` \`${key}\` uses plain HTTP on ${m[1]}: OAuth redirects and tokens would travel unencrypted, and providers reject non-HTTPS callbacks. Use \`https://\` for anything but local development.`,
        });
      }
    }
  },
});
