import type { Node } from '../parse';
import { ownAttributesWhere, ownCallsWhere, stringValue } from '../model/model';
import { defineRule } from './api';
import { keywordArgument } from './util-components';

const ICON = new Set(['mcp.types.Icon']);
const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+)((?:;[\w.+-]+=[^;,]*)*);base64,(.*)$/s;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Starts of base64 that encode image files: PNG, JPEG, GIF, WebP (RIFF), SVG (`<svg`, `<?xml`). */
const BARE_IMAGE_BASE64 = /^(iVBORw0KGgo|\/9j\/|R0lGOD|UklGR|PHN2Zy|PD94bW)[A-Za-z0-9+/=]{8,}$/;

/** What is wrong with an icon `src` literal, or null. */
export function iconSrcProblem(src: string): string | null {
  if (/^data:/i.test(src)) {
    const m = DATA_URI.exec(src);
    if (!m) return 'it is a `data:` URI but not of the form `data:<mime type>;base64,<data>` that MCP clients expect';
    if (!m[3] || !BASE64.test(m[3])) return 'its base64 payload is not valid base64';
    return null;
  }
  if (/^(?:[\w.+-]+\/[\w.+-]+;)?base64,/i.test(src)) return 'it looks like a data URI without the leading `data:`, so clients take it for a relative URL';
  if (BARE_IMAGE_BASE64.test(src)) return 'it is bare base64 image data, not a URL; clients take it for a relative URL';
  return null;
}

export default defineRule({
  meta: {
    code: 'FMCP218',
    name: 'invalid-icon',
    title: 'Icon built with the wrong fields or data',
    severity: 'error',
    docs: {
      what: 'Flags `Icon(...)` (from `mcp.types`) without `src=`, or with `url=` or `size=`; `Icon.from_file(...)`; `from fastmcp import Icon`; and a literal `src` that starts with `data:` but is not `data:<mime>;base64,<valid base64>`, or that is a data URI or base64 image without the `data:` prefix.',
      why: '`Icon` is the MCP type `mcp.types.Icon(src, mimeType=None, sizes=None)`. Without `src` it fails with a pydantic ValidationError ("src Field required") when the module is imported; `size=` is kept as an unknown extra field that clients ignore (the field is `sizes=[...]`); `Icon.from_file` does not exist (AttributeError); and `fastmcp` does not export `Icon` (ImportError). A malformed data URI is accepted by the server but clients cannot display the icon.',
      example: 'from fastmcp import Icon\n\nmcp = FastMCP("demo", icons=[Icon(url="https://example.com/logo.png", size="48x48")])',
      useInstead: 'from mcp.types import Icon\n\nmcp = FastMCP("demo", icons=[Icon(src="https://example.com/logo.png", mimeType="image/png", sizes=["48x48"])])',
      guide: [24],
      notes: 'For a data URI from a file use `Image(path="logo.png").to_data_uri()` from `fastmcp.utilities.types` (FastMCP ≥ 2.13.1). Only literal `src` values are checked. Calls with `**` splats are left alone.',
    },
  },
  check(ctx) {
    const m = ctx.model;
    for (const b of m.imports) {
      if (b.qualified !== 'fastmcp.Icon' || b.statement.hasError) continue;
      ctx.report({
        node: b.node,
        message: '`fastmcp` does not export `Icon`: this import fails with ImportError. Import it from `mcp.types` (`from mcp.types import Icon`).',
      });
    }
    for (const attr of ownAttributesWhere(m, FROM_FILE_ATTRIBUTES, (a) => a.childForFieldName('attribute')?.text === 'from_file')) {
      const obj = attr.childForFieldName('object');
      const q = m.resolve(obj);
      if (!q || !(ICON.has(q) || q === 'fastmcp.Icon')) continue;
      ctx.report({
        node: attr,
        message: '`Icon.from_file` does not exist (AttributeError). Build a data URI with `Image(path=...).to_data_uri()` from `fastmcp.utilities.types` and pass it as `Icon(src=...)`.',
      });
    }
    for (const call of ownCallsWhere(m, ICON_CALLS, (c) => !c.hasError && ICON.has(m.resolve(c.childForFieldName('function')) ?? ''))) {
      const fn = call.childForFieldName('function');
      const args = m.callArgs(call);
      const url = args.keywords.get('url');
      const size = args.keywords.get('size');
      const src = args.keywords.get('src');
      if (url) {
        ctx.report({
          node: keywordArgument(url),
          message: '`Icon` has no `url` field: the address goes in `src=`. As written it fails with a ValidationError ("src Field required") when the module is imported.',
        });
      } else if (!src && !args.hasSplat) {
        ctx.report({
          node: fn ?? call,
          message: args.positional.length
            ? '`Icon` takes keyword arguments only (it is a pydantic model): pass the address as `src=`. As written it raises TypeError when the module is imported.'
            : '`Icon(...)` without `src=`: it fails with a ValidationError ("src Field required") when the module is imported. Pass the icon\'s URL or data URI as `src=`.',
        });
      }
      if (size) {
        ctx.report({
          node: keywordArgument(size),
          message: '`Icon` has no `size` field: the value travels as an unknown extra field that clients ignore. Use `sizes=["48x48"]` (a list of strings).',
        });
      }
      if (src) checkSrc(src);
    }

    function checkSrc(node: Node) {
      const v = stringValue(node);
      if (v === null) return;
      const problem = iconSrcProblem(v);
      if (!problem) return;
      ctx.report({
        node,
        message: `Icon \`src\` is not a usable URL: ${problem}. Use an https URL or \`data:<mime>;base64,<data>\` (e.g. from \`Image(path=...).to_data_uri()\`).`,
      });
    }
  },
});

const FROM_FILE_ATTRIBUTES = {};
const ICON_CALLS = {};
