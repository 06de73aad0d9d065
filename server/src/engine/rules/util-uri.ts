/**
 * Resource URI templates as FastMCP reads them (RFC 6570 subset): `{name}` matches one path
 * segment, `{name*}` matches the rest of the path, `{?a,b}` names optional query parameters. Only
 * the first `{?…}` group is read by FastMCP; later groups are dropped from matching and name nothing.
 * The MCP SDK's bundled FastMCP knows only `{name}`. Offsets are indices into the template text, so
 * a caller that knows where the literal's content starts can point at a single `{param}`.
 */

export type UriParamKind = 'path' | 'wildcard' | 'query';

export interface UriTemplateParam {
  name: string;
  kind: UriParamKind;
  /** The name inside the braces: [start, end). */
  start: number;
  end: number;
  /** The whole `{…}` expression holding this name: [exprStart, exprEnd). */
  exprStart: number;
  exprEnd: number;
  /** For query parameters: which `{?…}` group (0 is the one FastMCP reads). */
  group?: number;
}

export interface UriExpression {
  /** Text between the braces. */
  body: string;
  start: number;
  end: number;
}

export interface UriScheme {
  name: string;
  start: number;
  end: number;
  /** `scheme://` rather than `scheme:`. */
  hasAuthority: boolean;
}

export interface UriTemplate {
  text: string;
  /** A syntactically valid URL scheme at the very start, or null. */
  scheme: UriScheme | null;
  /** Every parameter in document order, query parameters of every group included. */
  params: UriTemplateParam[];
  /** `{name}` names (what the SDK reads too). */
  path: string[];
  /** `{name*}` names. */
  wildcard: string[];
  /** Names in the first `{?…}` group: the query parameters FastMCP reads. */
  query: string[];
  /** `{?…}` groups after the first one: FastMCP ignores them. */
  ignoredQueryGroups: UriExpression[];
  /** `{…}` expressions that name no parameter (`{+x}`, `{x:3}`, `{a-b}`, `{}`). */
  other: UriExpression[];
  /** The text has at least one `{…}` expression. */
  hasExpressions: boolean;
}

// Python's `\w` is Unicode-aware; FastMCP matches names with it.
const WORD = /^[\p{L}\p{N}\p{Mn}\p{Pc}]+$/u;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/;

export function isTemplateName(name: string): boolean {
  return WORD.test(name);
}

export function parseUriTemplate(text: string): UriTemplate {
  const params: UriTemplateParam[] = [];
  const other: UriExpression[] = [];
  const ignoredQueryGroups: UriExpression[] = [];
  let queryGroups = 0;
  let hasExpressions = false;
  // Innermost brace pairs, like FastMCP's `{(\w+)(?:\*)?}` and `\{\?([^}]+)\}` searches.
  const expr = /\{([^{}]*)\}/g;
  for (let m = expr.exec(text); m; m = expr.exec(text)) {
    hasExpressions = true;
    const body = m[1];
    const exprStart = m.index;
    const exprEnd = m.index + m[0].length;
    const bodyStart = exprStart + 1;
    if (body.startsWith('?') && body.length > 1) {
      const group = queryGroups++;
      if (group > 0) ignoredQueryGroups.push({ body, start: exprStart, end: exprEnd });
      let offset = bodyStart + 1;
      for (const piece of body.slice(1).split(',')) {
        const lead = piece.length - piece.trimStart().length;
        const name = piece.trim();
        if (name) params.push({ name, kind: 'query', start: offset + lead, end: offset + lead + name.length, exprStart, exprEnd, group });
        offset += piece.length + 1;
      }
      continue;
    }
    const wildcard = body.endsWith('*');
    const name = wildcard ? body.slice(0, -1) : body;
    if (isTemplateName(name)) params.push({ name, kind: wildcard ? 'wildcard' : 'path', start: bodyStart, end: bodyStart + name.length, exprStart, exprEnd });
    else other.push({ body, start: exprStart, end: exprEnd });
  }
  const sm = SCHEME.exec(text);
  const scheme = sm ? { name: sm[1], start: 0, end: sm[1].length, hasAuthority: !!sm[2] } : null;
  const names = (kind: UriParamKind, group0 = false) => [...new Set(params.filter((p) => p.kind === kind && (!group0 || p.group === 0)).map((p) => p.name))];
  return {
    text,
    scheme,
    params,
    path: names('path'),
    wildcard: names('wildcard'),
    query: names('query', true),
    ignoredQueryGroups,
    other,
    hasExpressions,
  };
}

/** Names FastMCP matches in the path (`{name}` and `{name*}`). */
export function pathParamNames(t: UriTemplate): string[] {
  return [...new Set([...t.path, ...t.wildcard])];
}

/** Every name FastMCP treats as a URI parameter: path, wildcard and first-group query names. */
export function uriParamNames(t: UriTemplate): string[] {
  return [...new Set([...t.path, ...t.wildcard, ...t.query])];
}
