import { defineRule } from './api';
import { resourceUri, signatureParams, uriRange } from './util-resource';

/** A scheme-looking prefix whose name is not a valid URL scheme (`my_app://`). */
const BAD_SCHEME = /^([^:/?#{}\s]+):\/\//;

export default defineRule({
  meta: {
    code: 'FMCP201',
    name: 'resource-uri-missing-scheme',
    title: 'Resource URI without a URL scheme',
    severity: 'error',
    fix: { safety: 'unsafe', title: 'Prefix the URI with resource://' },
    docs: {
      what: 'Flags the URI literal of `@mcp.resource(...)` when it does not start with a URL scheme (`config`, `/settings`, `my_app://x` — an underscore is not allowed in a scheme). For a static resource this is an error; for a template (the URI has `{…}` or the function takes parameters) it is a warning.',
      why: 'A static resource URI is validated as a URL when the decorator runs, so the module fails to import with a pydantic ValidationError: "Input should be a valid URL, relative URL without a base". Templates are not validated and register, but clients address resources by URL and namespacing on mount expects `scheme://path`, so a scheme-less template cannot be read reliably.',
      example: '@mcp.resource("config")\ndef get_config() -> str:\n    return "debug=true"',
      useInstead: '@mcp.resource("resource://config")\ndef get_config() -> str:\n    return "debug=true"',
      guide: [4],
      notes: 'Any valid scheme is accepted (`data://`, `resource://`, `file:///`, even `urn:x`). Only literal strings are checked. The fix prefixes `resource://`; pick another scheme if your clients expect one.',
    },
  },
  check(ctx) {
    for (const c of ctx.model.components) {
      const uri = resourceUri(c);
      if (!uri) continue;
      const t = uri.template;
      if (t.scheme) continue;
      const text = uri.value;
      const isTemplate = (text.includes('{') && text.includes('}')) || (c.flavor === 'sdk' ? c.params.length > 0 : signatureParams(c).length > 0);
      const bad = BAD_SCHEME.exec(text);
      const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
      let problem: string;
      if (bad) problem = `"${bad[1]}" is not a valid URL scheme (letters, digits, "+", "-" and "." only, starting with a letter)`;
      else if (!text) problem = 'the resource URI is empty';
      else problem = `resource URI "${shown}" has no scheme`;
      const message = isTemplate
        ? `${capital(problem)}: the template registers, but clients read resources by URL and cannot address it. Use a URI such as "${suggest(text)}".`
        : `${capital(problem)}: FastMCP rejects it when the decorator runs (pydantic "Input should be a valid URL"), so the server fails to import. Use a URI such as "${suggest(text)}".`;
      const fixes = [];
      if (!bad && text && !text.includes('://') && uri.contentStart !== null) {
        const lead = /^\/*/.exec(text)![0].length;
        fixes.push(ctx.fix('Prefix the URI with resource://', 'unsafe', [ctx.replaceSpan(uri.contentStart, uri.contentStart + lead, 'resource://')]));
      }
      const range = bad ? uriRange(ctx, uri, 0, bad[1].length) : ctx.range(uri.node);
      ctx.report({ range, message, severity: isTemplate ? 'warning' : 'error', fixes });
    }
  },
});

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function suggest(text: string): string {
  const bad = BAD_SCHEME.exec(text);
  const rest = text.replace(BAD_SCHEME, '').replace(/^\/+/, '') || 'name';
  if (!bad) return `resource://${rest}`;
  const scheme = bad[1].replace(/[^A-Za-z0-9+.-]/g, '-').replace(/^[^A-Za-z]+/, '');
  return `${scheme || 'resource'}://${rest}`;
}
