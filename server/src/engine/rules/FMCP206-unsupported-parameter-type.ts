import type { FileModel } from '../model/model';
import type { Node } from '../parse';
import { defineRule } from './api';
import { signatureIntact, signatureParams } from './util-resource';
import { assignmentsTo } from './util-asgi';

/** Types pydantic cannot build a JSON schema for, by qualified name, with what to accept instead. */
const KNOWN: Record<string, string> = {
  'numpy.ndarray': 'a `list[float]` (or nested lists) and build the array inside',
  'numpy.matrix': 'a `list[list[float]]` and build the matrix inside',
  'numpy.typing.NDArray': 'a `list[float]` (or nested lists) and build the array inside',
  'pandas.DataFrame': 'a `list[dict[str, Any]]` of rows (or CSV text) and build the frame inside',
  'pandas.core.frame.DataFrame': 'a `list[dict[str, Any]]` of rows (or CSV text) and build the frame inside',
  'pandas.Series': 'a `list[float]` and build the series inside',
  'pandas.core.series.Series': 'a `list[float]` and build the series inside',
  'torch.Tensor': 'a `list[float]` (or nested lists) and build the tensor inside',
  'PIL.Image.Image': 'a file path, URL or base64 `str` and open the image inside',
  'typing.IO': 'a file path or the content (`str`/`bytes`) and open the file inside',
  'typing.TextIO': 'a file path or the text (`str`) and open the file inside',
  'typing.BinaryIO': 'a file path or the content (`bytes`) and open the file inside',
  'io.IOBase': 'a file path or the content (`str`/`bytes`) and open the file inside',
  'io.RawIOBase': 'a file path or the content (`bytes`) and open the file inside',
  'io.BufferedIOBase': 'a file path or the content (`bytes`) and open the file inside',
  'io.TextIOBase': 'a file path or the text (`str`) and open the file inside',
  'io.TextIOWrapper': 'a file path or the text (`str`) and open the file inside',
  'io.BufferedReader': 'a file path or the content (`bytes`) and open the file inside',
  'io.BufferedWriter': 'a file path and open the file inside',
  'io.FileIO': 'a file path or the content (`bytes`) and open the file inside',
  'io.BytesIO': 'the content as `bytes` (base64 `str` for clients) and wrap it inside',
  'io.StringIO': 'the text as `str` and wrap it inside',
};

/** Generic heads whose arguments are types pydantic must also handle. */
const CONTAINERS = new Set([
  'Optional', 'Union', 'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Sequence', 'MutableSequence', 'Mapping',
  'MutableMapping', 'Iterable', 'Collection', 'AbstractSet', 'list', 'dict', 'set', 'frozenset', 'tuple',
]);

/** Class bodies that teach pydantic how to handle the class. */
const PYDANTIC_HOOKS = new Set(['__get_pydantic_core_schema__', '__get_pydantic_json_schema__', '__get_validators__', '__modify_schema__']);

interface Finding {
  node: Node;
  shown: string;
  advice: string;
  local: boolean;
}

export default defineRule({
  meta: {
    code: 'FMCP206',
    name: 'unsupported-parameter-type',
    title: 'Component parameter type without a JSON schema',
    severity: 'error',
    docs: {
      what: 'Flags a tool, resource or prompt parameter annotated with a type pydantic cannot describe as JSON: `numpy.ndarray`, `pandas.DataFrame`/`Series`, `torch.Tensor`, `PIL.Image.Image`, file objects (`typing.IO`, `io.BytesIO`, …), or a plain class defined in the same file (not a BaseModel, dataclass, TypedDict, NamedTuple or Enum), also inside `Optional[…]`, `list[…]`, `X | None` and similar.',
      why: 'FastMCP builds each component\'s input schema with pydantic when the decorator runs. For these types pydantic raises `PydanticSchemaGenerationError` ("Unable to generate pydantic-core schema for …"; the MCP SDK\'s FastMCP fails with `PydanticInvalidForJsonSchema`), so the server fails to import. Clients send JSON anyway, so they could never pass such an object.',
      example: 'import numpy as np\n\n@mcp.tool\ndef mean(values: np.ndarray) -> float:\n    return float(values.mean())',
      useInstead: 'import numpy as np\n\n@mcp.tool\ndef mean(values: list[float]) -> float:\n    return float(np.asarray(values).mean())',
      guide: [6, 11],
      notes: 'Return annotations are not checked: FastMCP skips output schemas it cannot build. Classes imported from elsewhere are left alone (except the well-known types above), as are classes with decorators, base classes other than `object`/`ABC`, or pydantic hooks such as `__get_pydantic_core_schema__`, and `Annotated[...]` types carrying validators. Tools given `exclude_args=` are skipped.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const c of model.components) {
      // Parameters hidden with exclude_args are pruned differently across versions: leave them alone.
      if (!signatureIntact(c) || c.keywords.has('exclude_args') || c.hasSplat) continue;
      for (const p of signatureParams(c)) {
        if (!p.annotation || p.annotation.hasError) continue;
        const found = findUnsupported(model, p.annotation, 0);
        if (!found) continue;
        const kind = c.kind === 'resource' ? 'resource template' : c.kind;
        const why = found.local
          ? `\`${found.shown}\` is a plain class, so pydantic cannot build a JSON schema for parameter \`${p.name}\``
          : `pydantic cannot build a JSON schema for \`${found.shown}\` (parameter \`${p.name}\`)`;
        const fix = found.local ? `Make \`${found.shown}\` a pydantic BaseModel or a dataclass, or accept its fields as parameters.` : `Accept ${found.advice}.`;
        ctx.report({
          node: found.node,
          message: `${why}: registering ${kind} \`${c.funcName}\` ${c.flavor === 'sdk' ? 'fails with PydanticInvalidForJsonSchema' : 'raises PydanticSchemaGenerationError'}, so the server fails to import. ${fix}`,
        });
      }
    }
  },
});

function findUnsupported(model: FileModel, n: Node, depth: number): Finding | null {
  if (depth > 8) return null;
  switch (n.type) {
    case 'type':
    case 'parenthesized_expression':
    case 'type_parameter': {
      for (const ch of n.namedChildren) {
        const f = ch && findUnsupported(model, ch, depth + 1);
        if (f) return f;
      }
      return null;
    }
    case 'binary_operator': {
      if (n.child(1)?.type !== '|') return null;
      for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) {
        const f = side && findUnsupported(model, side, depth + 1);
        if (f) return f;
      }
      return null;
    }
    case 'identifier':
    case 'attribute':
      return named(model, n, n.text);
    case 'string': {
      // A postponed annotation: only a plain dotted name is resolved.
      const content = n.text.replace(/^[rRuU]?(['"]{1,3})([\s\S]*)\1$/, '$2').trim();
      return /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(content) ? namedText(model, n, content) : null;
    }
    case 'generic_type':
    case 'subscript': {
      const head = n.type === 'subscript' ? n.childForFieldName('value') : n.namedChild(0);
      if (!head || (head.type !== 'identifier' && head.type !== 'attribute')) return null;
      const args = n.type === 'subscript' ? n.childrenForFieldName('subscript').filter((x): x is Node => !!x) : (n.namedChild(1)?.namedChildren.filter((x): x is Node => !!x) ?? []);
      const own = named(model, head, head.text);
      if (own && !own.local) return { ...own, node: n, shown: n.text.length > 40 ? head.text : n.text };
      const q = model.resolve(head) ?? head.text;
      const last = q.slice(q.lastIndexOf('.') + 1);
      const fromTyping = q === last || /^(typing|typing_extensions|collections\.abc|builtins)\./.test(q);
      if (!fromTyping) return null;
      if (last === 'Annotated') {
        // Metadata other than descriptions may teach pydantic the type (validators, WithJsonSchema).
        const [first, ...meta] = args;
        if (!first || !meta.every((m) => isPlainMetadata(model, m))) return null;
        return findUnsupported(model, first, depth + 1);
      }
      if (!CONTAINERS.has(last)) return null;
      for (const a of args) {
        const f = findUnsupported(model, a, depth + 1);
        if (f) return f;
      }
      return null;
    }
    default:
      return null;
  }
}

function isPlainMetadata(model: FileModel, n: Node): boolean {
  const inner = n.type === 'type' ? n.namedChild(0) : n;
  if (!inner) return false;
  if (inner.type === 'string') return true;
  if (inner.type === 'call') {
    const q = model.resolve(inner.childForFieldName('function'));
    return q === 'pydantic.Field' || q === 'pydantic.fields.Field';
  }
  return false;
}

function named(model: FileModel, n: Node, text: string): Finding | null {
  const q = model.resolve(n);
  if (q) return KNOWN[q] ? { node: n, shown: text, advice: KNOWN[q], local: false } : null;
  if (n.type === 'identifier') return localClass(model, n, text);
  return null;
}

/** Resolve a dotted name written inside a string annotation through the module's imports. */
function namedText(model: FileModel, n: Node, text: string): Finding | null {
  const parts = text.split('.');
  const b = model.imports.find((i) => i.local === parts[0] && !i.local_scope);
  if (b) {
    const q = [b.qualified, ...parts.slice(1)].join('.');
    return KNOWN[q] ? { node: n, shown: text, advice: KNOWN[q], local: false } : null;
  }
  return parts.length === 1 ? localClass(model, n, text) : null;
}

function localClass(model: FileModel, n: Node, name: string): Finding | null {
  const cls = model.moduleClasses.get(name);
  if (!cls || !isPlainClass(model, cls, new Set())) return null;
  // A later module-level rebinding (`Foo = SomeModel`) makes the name mean something else.
  if (assignmentsTo(model, name).some((e) => e.asg.parent?.parent?.type === 'module')) return null;
  return { node: n, shown: name, advice: '', local: true };
}

function isPlainClass(model: FileModel, cls: Node, seen: Set<number>): boolean {
  if (seen.has(cls.id) || cls.hasError) return false;
  seen.add(cls.id);
  if (cls.parent?.type === 'decorated_definition') return false;
  const supers = cls.childForFieldName('superclasses');
  for (const b of supers?.namedChildren ?? []) {
    if (!b) continue;
    if (b.type === 'identifier' && b.text === 'object' && !model.resolve(b)) continue;
    const q = model.resolve(b);
    if (q === 'abc.ABC') continue;
    if (!q && b.type === 'identifier') {
      const base = model.moduleClasses.get(b.text);
      if (base && isPlainClass(model, base, seen)) continue;
    }
    return false;
  }
  const body = cls.childForFieldName('body');
  for (const stmt of body?.namedChildren ?? []) {
    const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type === 'function_definition' && PYDANTIC_HOOKS.has(def.childForFieldName('name')?.text ?? '')) return false;
  }
  return true;
}
