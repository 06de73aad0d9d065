/**
 * What the resource rules (FMCP201–FMCP205) share: the literal URI of a `@S.resource(...)`, its
 * parsed template, and the function parameters FastMCP compares it with.
 */
import { stringValue, type Component, type Param } from '../model/model';
import type { Node } from '../parse';
import type { RuleContext } from './api';
import { parseUriTemplate, type UriTemplate } from './util-uri';

export interface ResourceUri {
  /** The string literal node. */
  node: Node;
  value: string;
  template: UriTemplate;
  /** File offset of the literal's first content character, or null when offsets inside it are unreliable. */
  contentStart: number | null;
}

/** The URI node a resource decorator passes (first positional or `uri=`), literal or not. */
export function resourceUriNode(c: Component): Node | null {
  return c.positional[0] ?? c.keywords.get('uri') ?? null;
}

/**
 * The literal URI of a resource component, or null when it is absent, dynamic or damaged. Its value and
 * template are read once per component (an open document keeps its components from lint to lint, and they
 * hold no offsets in the file); callers must not change them.
 */
export function resourceUri(c: Component): ResourceUri | null {
  let uri = resourceUris.get(c);
  if (uri === undefined) resourceUris.set(c, (uri = readResourceUri(c)));
  // Where the literal's text starts moves with the statement: read each time.
  return uri && { ...uri, contentStart: literalContentStart(uri.node) };
}

const resourceUris = new WeakMap<Component, Omit<ResourceUri, 'contentStart'> | null>();

function readResourceUri(c: Component): Omit<ResourceUri, 'contentStart'> | null {
  if (c.kind !== 'resource' || !c.call || c.hasSplat || c.call.hasError) return null;
  const node = resourceUriNode(c);
  const value = stringValue(node);
  if (!node || value === null) return null;
  return { node, value, template: parseUriTemplate(value) };
}

/**
 * Where the text of a plain string literal starts, when template offsets map one to one onto the
 * file (a single content run; escapes are kept verbatim by `stringValue`, so they still map).
 */
export function literalContentStart(node: Node): number | null {
  if (node.type !== 'string') return null;
  let content: Node | null = null;
  let start: Node | null = null;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_start') start = c;
    else if (c.type === 'string_content') {
      if (content) return null;
      content = c;
    } else if (c.type !== 'string_end') return null;
  }
  if (content) return content.startIndex;
  return start ? start.endIndex : null;
}

/** A report range for [start, end) of the URI text, or the whole literal when offsets are unreliable. */
export function uriRange(ctx: RuleContext, uri: ResourceUri, start: number, end: number) {
  return uri.contentStart === null ? ctx.range(uri.node) : ctx.rangeOf(uri.contentStart + start, uri.contentStart + end);
}

/**
 * The parameters FastMCP sees: injected ones dropped, and `self`/`cls` of a method dropped too
 * (FMCP210 reports those, so template rules do not report them again).
 */
export function signatureParams(c: Component): Param[] {
  const params = c.params.filter((p) => !p.injected);
  if (c.inClass && c.params[0] && (c.params[0].name === 'self' || c.params[0].name === 'cls') && params[0] === c.params[0]) return params.slice(1);
  return params;
}

/** Named parameters a client can pass (no `*args`/`**kwargs`). */
export function namedParams(c: Component): Param[] {
  return signatureParams(c).filter((p) => p.kind === 'positional' || p.kind === 'keyword_only');
}

export function hasKwargs(c: Component): boolean {
  return c.params.some((p) => p.kind === 'kwargs');
}

/** The function's signature is intact enough to reason about. */
export function signatureIntact(c: Component): boolean {
  const params = c.func.childForFieldName('parameters');
  return !!params && !params.hasError;
}

/**
 * An edit giving `p` the default `None`, or null when that would be a syntax error (a later
 * positional parameter has no default).
 */
export function addNoneDefault(ctx: RuleContext, c: Component, p: Param) {
  if (p.default) return null;
  const i = c.params.indexOf(p);
  if (i < 0) return null;
  if (p.kind === 'positional' && c.params.slice(i + 1).some((q) => q.kind === 'positional' && !q.default)) return null;
  if (p.node.type === 'typed_parameter') return ctx.insertAt(p.node.endIndex, ' = None');
  if (p.node.type === 'identifier') return ctx.insertAt(p.node.endIndex, '=None');
  return null;
}

/** `{a, b}` as Python prints a set, for quoting FastMCP's messages. */
export function pySet(names: string[]): string {
  return names.length ? `{${names.map((n) => `'${n}'`).join(', ')}}` : 'set()';
}
