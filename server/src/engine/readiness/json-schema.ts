/**
 * The subset of JSON Schema the bundled `schemas/fastmcp.schema.json` uses — type (or a list of
 * types), enum, const, minLength, properties, required, additionalProperties, items, local `$ref` —
 * so FMCP711 checks fastmcp.json against the same schema VS Code validates the file with.
 */
import SCHEMA from '../../../../schemas/fastmcp.schema.json';

export interface SchemaProblem {
  /** JSON pointer segments of the offending value (`['deployment', 'port']`). */
  at: string[];
  message: string;
}

type Schema = Record<string, unknown>;

export const FASTMCP_JSON_SCHEMA: Schema = SCHEMA as Schema;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

export function validateSchema(value: unknown, schema: Schema = FASTMCP_JSON_SCHEMA, root: Schema = schema, at: string[] = []): SchemaProblem[] {
  if (typeof schema.$ref === 'string') {
    const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(schema.$ref);
    const target = m ? ((root[m[1]] as Schema | undefined)?.[m[2]] as Schema | undefined) : undefined;
    return target ? validateSchema(value, target, root, at) : [];
  }
  const problems: SchemaProblem[] = [];
  const where = at.length ? `\`${at.join('.')}\`` : 'the file';
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(value, t))) return [{ at, message: `${where} must be ${types.filter((t) => t !== 'null').map((t) => (t === 'integer' ? 'a whole number' : t === 'object' ? 'an object' : t === 'array' ? 'an array' : `a ${t}`)).join(' or ')} (got ${typeOf(value)})` }];
  }
  if (schema.const !== undefined && value !== schema.const) problems.push({ at, message: `${where} must be ${JSON.stringify(schema.const)}` });
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as never)) problems.push({ at, message: `${where} must be one of ${schema.enum.filter((e) => e !== null).map((e) => JSON.stringify(e)).join(', ')} (got ${JSON.stringify(value)})` });
  if (typeof schema.minLength === 'number' && typeof value === 'string' && value.length < schema.minLength) problems.push({ at, message: `${where} must not be empty` });
  if (typeOf(value) === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of (schema.required as string[] | undefined) ?? []) if (!(k in o)) problems.push({ at, message: `${where} needs \`${k}\`` });
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) problems.push(...validateSchema(v, props[k], root, [...at, k]));
      else if (schema.additionalProperties === false) problems.push({ at: [...at, k], message: `unknown key \`${[...at, k].join('.')}\`` });
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') problems.push(...validateSchema(v, schema.additionalProperties as Schema, root, [...at, k]));
    }
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') value.forEach((v, i) => problems.push(...validateSchema(v, schema.items as Schema, root, [...at, String(i)])));
  return problems;
}

/** The 0-based line of the value at `at` in the JSON text (the key's line), best effort. */
export function lineOfPointer(text: string, at: string[]): number {
  let offset = 0;
  for (const seg of at) {
    if (/^\d+$/.test(seg)) continue;
    const re = new RegExp(`"${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`, 'g');
    re.lastIndex = offset;
    const m = re.exec(text);
    if (!m) break;
    offset = m.index;
  }
  return text.slice(0, offset).split('\n').length - 1;
}
