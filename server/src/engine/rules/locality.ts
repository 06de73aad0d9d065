/**
 * Which rules incremental linting (`../incremental.ts`) may run on one top-level statement only.
 *
 * After an edit inside the body of a function in top-level statement S, with the file's facts unchanged
 * (imports, servers, component headers, run calls, main guards, module-level def/class names, flavor,
 * entrypoint), a SEGMENT-LOCAL rule runs on a view of the model whose node lists (calls, functions,
 * classes, awaits, attributes, comments, assignments, decorated, importStatements, strings, components; `scopeRoot`
 * too) hold only S's nodes, while imports, servers, runCalls, mainGuards, moduleFunctions/moduleClasses, root, text and
 * the lookups stay whole. Its reports on S are kept; its reports elsewhere are carried from the last lint.
 * A rule is segment-local only if both hold:
 *  (a) on the view it makes exactly the reports on S that it makes on the whole model: it never decides
 *      about something in S by scanning the cut lists for things in other statements (is X called or
 *      assigned anywhere, another component with this name, a definition found through model.calls /
 *      model.assignments / model.classes / model.components ...);
 *  (b) its reports outside S (fixes included) cannot change when only a function body in S changes: it
 *      never follows from one statement into a body in another (lifespans, middleware classes, helpers,
 *      resolve-to-definition) and never collects facts from bodies across the file (prints anywhere,
 *      every call to X, text searched file-wide).
 * Every rule listed here breaks (a) or (b) (through its util-*.ts helpers too) and runs on the whole file.
 * Every other per-file rule (FMCP101..FMCP802; not FMCP000, not the workspace FMCP7xx) is segment-local.
 * In doubt, a rule belongs here: a wrong entry costs speed, a missing one gives wrong diagnostics.
 * A rule that needs a whole-file list for a lookup reads it from `model.whole`, which the view leaves whole.
 */
export const FILE_SCOPE_RULES: ReadonlyMap<string, string> = new Map([
  ['FMCP101', 'decides from servers made anywhere at import time: scans all calls/assignments and follows factory functions into their bodies (createsServer); reads model.hasErrors'],
  ['FMCP102', 'moduleBinds/boundOnlyToNonServer scan every module-level assignment and search the whole text for `global`; reads model.hasErrors'],
  ['FMCP106', 'the fix indents by indentUnit(text), the first indented line of the file, which a body or docstring edit elsewhere can change'],
  ['FMCP107', 'whether prints are reported depends on the whole file: other run-like calls, ASGI factory attributes, `print`/`sys.stdout` rebound anywhere'],
  ['FMCP206', 'a same-file parameter class is checked through the file\'s assignments by name (module rebinding) and its hasError, which an edit in that class\'s methods changes'],
  ['FMCP212', 'compares each component with every other component on the same server'],
  ['FMCP220', 'uses of a component name are matched against components defined in other statements'],
  ['FMCP305', 'a wrong-flavor Context import is reported when any component in the file uses it'],
  ['FMCP306', 'a TYPE_CHECKING-only Context import is reported when any component in the file needs it'],
  ['FMCP401', 'follows mounts, bound apps and lifespan functions across the file and walks lifespan bodies (verdict)'],
  ['FMCP402', 'the fix looks for http apps, mount sites and taken names across the file (mountSites, all assignments)'],
  ['FMCP403', 'resolves the mounted app through bindingOf, which looks up module-level assignments in other statements'],
  ['FMCP404', 'finds lifespans through `lifespan=` calls elsewhere and reads the lifespan function\'s body (yields)'],
  ['FMCP405', 'finds lifespans through `lifespan=` calls elsewhere and reads the lifespan function\'s body after the yield'],
  ['FMCP406', 'the import fix renames every `BaseMiddleware` identifier in the file (walks model.root)'],
  ['FMCP407', 'middleware classes are found through base classes defined in other statements (middlewareClasses over model.classes)'],
  ['FMCP408', 'middleware classes come from model.classes across statements; definesMember searches ancestor classes\' text, method bodies included'],
  ['FMCP409', 'middleware classes are found through base classes defined in other statements (middlewareClasses over model.classes)'],
  ['FMCP410', 'one middleware chain per server gathers FastMCP(middleware=...) and add_middleware calls from the whole file'],
  ['FMCP414', 'module-level registrations are reported after an asyncio.run of a function whose body holds the import_server'],
  ['FMCP510', 'boundCall resolves `client_storage=name` through assignments of the name in other statements'],
  ['FMCP511', 'boundCall resolves `client_storage=name` through assignments of the name in other statements'],
  ['FMCP512', 'searches the whole text for `stateless` and collects app names from every module-level assignment'],
  ['FMCP801', 'the fix is withheld when `timezone` is assigned anywhere in the file'],
]);

/**
 * Segment-local rules that may run on the edited statement only when the edit lies inside a function body, a
 * comment or a docstring. For any other edit inside top-level statement S (a parameter list, a decorator, a
 * class header, a module-level assignment or call, the inside of a main guard), with the same imports,
 * servers (their names, flavors, kinds and scopes), run calls, `lifespan=` arguments, number of main guards,
 * flavor, entrypoint and line ending (the component headers, the servers' constructor arguments and the names
 * of module-level functions and classes may differ), every other segment-local rule is STATEMENT-LOCAL:
 * besides (a), its reports and fixes on a statement T other than S read nothing in another statement beyond
 * those facts. These rules break that and run on the whole file then:
 * - reading a module-level function or class found by name (its bases, whether it is async, whether the
 *   name is defined at all), or the assignments of other statements;
 * - an import fix (`ctx.addImport`): where it inserts depends on whether the file starts with a docstring,
 *   which an edit to the first statement can change without changing the statement's kind.
 * In doubt, a rule belongs here.
 */
export const BODY_LOCAL_RULES: ReadonlyMap<string, string> = new Map([
  ['FMCP216', 'looks up return classes by name in model.moduleClasses and follows their base classes'],
  ['FMCP304', 'its fix imports Context (ctx.addImport), unless a module-level function or class is named Context'],
  ['FMCP307', 'its fix imports get_http_request (ctx.addImport); it asks whether a module-level definition has the name'],
  ['FMCP308', 'a `lifespan=NAME` argument makes the module-level function NAME (found by name) a root; its fix imports asyncio'],
  ['FMCP604', 'its fix imports create_proxy (ctx.addImport)'],
  ['FMCP802', 'whether a called module-level function is async, and module-level assignments of the name anywhere in the file'],
]);

/**
 * File-scope rules that need not run again after an edit inside a function body, a comment or a docstring of
 * top-level statement S (the other conditions of such an edit hold: the file-level facts, the component headers,
 * the servers' constructor calls and the module-level names are what they were) when S spells none of `words`,
 * before or after the edit, and holds no syntax error; a rule that `follows` names from where it starts to the
 * definitions they name needs also that no statement spelling `words` holds S's name (the text of S's name
 * anywhere in it). Their reports are then carried over, moved by the change in line count, and none may lie on S.
 * An entry is an argument that, under those conditions, the rule reads nothing in S (through its util-*.ts
 * helpers too): every node it reports on, decides from or follows is in a statement that spells one of `words`,
 * or, with `follows`, in a definition named from such a statement. `why` names what the words cover.
 * `anywhere` are the words for an edit elsewhere in S (a parameter list, a decorator, a name, a class header, a
 * module-level assignment or call: the statement-local case of `BODY_LOCAL_RULES`, where the component headers,
 * the servers' constructor calls and the module-level names may change), with the same conditions; with `follows`,
 * neither S's old nor its new name may be held by a statement spelling them. A rule without `anywhere` runs again
 * after such an edit. `test/unit/incremental.test.ts` has, for every `words` and every `anywhere`, an edit whose
 * findings differ from a full lint's when they are dropped (and for the alternatives added outside bodies).
 * In doubt, a rule is left out: a missing entry costs speed, a wrong one gives wrong diagnostics.
 */
export const FILE_SCOPE_TRIGGERS: ReadonlyMap<string, { words: RegExp; anywhere?: RegExp; follows?: boolean; why: string }> = new Map([
  ['FMCP102', { words: /global/, why: 'a body can only add a `global NAME` line, found by a search of the whole text; the rest is module-level code and facts' }],
  ['FMCP107', { words: /print|stdout|run|_app/, anywhere: /print|stdout|run|_app/, why: 'print calls and `print` rebound, `stdout` reassigned (spelled on the left), run-like calls the model does not know (`.run`, `.run_async`, `.run_*_async`), ASGI factories (`http_app`, `sse_app`, `streamable_http_app`); the same outside bodies (every run call spells `run` or `_app`)' }],
  ['FMCP206', { words: /[\r\n][^\r\n\w"'#]+@/, anywhere: /@|class|^[^\s=:#'"(\[{@]+(?:[ \t\f]|\\\r?\n|\\\r)*[:=]/, why: 'a decorator on an indented line: a component nested in a body, whose parameters no fact records (tree-sitter takes odd blanks as indentation, so anything but a word, a quote or a comment may precede the @); outside bodies any decorator (component headers), any class (parameter classes, their bases and methods) and a module-level `NAME =` or `NAME:` that may rebind a class name' }],
  ['FMCP305', { words: /[\r\n][^\r\n\w"'#]+@/, anywhere: /@/, why: 'a component nested in a body, whose parameter annotations may name a Context of the other flavor (through any alias); outside bodies any decorator (the headers of components)' }],
  ['FMCP306', { words: /[\r\n][^\r\n\w"'#]+@|__future__/, anywhere: /@|__future__/, why: 'a component nested in a body (its parameter annotations), and the `from __future__` import whose text decides whether annotations are postponed; outside bodies any decorator (the headers of components)' }],
  ['FMCP402', { words: /lifespan|mount|routes|mcp_app|mcp_http_app/i, anywhere: /lifespan|[Mm][Oo][Uu][Nn][Tt]|routes|mcp_app|mcp_http_app|class|^(?!@|def\b|async[ \t]+def\b)/, why: 'reports are on `X.lifespan`; the fix reads mount sites (`.mount(`, a Mount(...) under `routes=`, the file-wide /mount/i test) and whether any assignment binds mcp_app or mcp_http_app; outside bodies also any statement but a function definition (a module-level assignment may rebind a name the rule looks up) and any class (class bodies are module scope) (the words outside bodies take no `i` flag, which would let `Def = 1` pass for a definition)' }],
  ['FMCP404', { words: /lifespan/, anywhere: /lifespan|class/, follows: true, why: 'lifespans come from `lifespan=` arguments, and the function checked is the one the argument names; outside bodies also any class (an assignment in a class body binds the name at module scope)' }],
  ['FMCP406', { words: /middleware|[\r\n][^\r\n\w"'#]+class\b/i, anywhere: /middleware|class/i, why: 'the file-wide /middleware/i test, the imports it flags, every BaseMiddleware the fix renames, and classes nested in bodies (whose base may be an alias of BaseMiddleware); outside bodies, any class (its bases may change)' }],
  ['FMCP407', { words: /on_message|on_request|on_notification|on_initialize|on_call_tool|on_read_resource|on_get_prompt|on_list_|__call__|[\r\n][^\r\n\w"'#]+class\b/, anywhere: /on_message|on_request|on_notification|on_initialize|on_call_tool|on_read_resource|on_get_prompt|on_list_|__call__|class/, why: 'hook methods (a sync hook\'s body is read), and classes nested in bodies, which join the lookup of middleware classes by name; outside bodies, any class (its name or bases decide which classes are middleware)' }],
  ['FMCP408', { words: /(?<!\w)next|[\r\n][^\r\n\w"'#]+class\b/, anywhere: /(?<!\w)next|class/, why: '`self.next` calls and every `next` member an ancestor class\'s text may define, and classes nested in bodies, which join the lookup of base classes by name; outside bodies, any class (its name or bases decide which classes are middleware)' }],
  ['FMCP409', { words: /on_message|on_request|on_notification|on_initialize|on_call_tool|on_read_resource|on_get_prompt|on_list_|__call__|[\r\n][^\r\n\w"'#]+class\b/, anywhere: /on_message|on_request|on_notification|on_initialize|on_call_tool|on_read_resource|on_get_prompt|on_list_|__call__|class/, why: 'hook bodies (their call_next calls), and classes nested in bodies, which join the lookup of middleware classes by name; outside bodies, any class (its name or bases decide which classes are middleware)' }],
  ['FMCP410', { words: /middleware/, anywhere: /middleware|class|^(?!@|def\b|async[ \t]+def\b)/, why: '`add_middleware` calls and `middleware=` arguments; the names in them are looked up in their own function or among module-level assignments; outside bodies also any statement but a function definition (a module-level assignment may rebind a name the rule looks up) and any class (class bodies are module scope)' }],
  ['FMCP414', { words: /import_server/, anywhere: /import_server|^(?!def\b|async[ \t]+def\b)/, why: 'the `.import_server(` call and what the rule reads in its function are in the statement that spells it; the rest is module-level code; outside bodies any statement but an undecorated function definition (registrations, reassignments and asyncio.run calls are module-level code)' }],
  ['FMCP510', { words: /client_storage/, anywhere: /client_storage|class|^(?!@|def\b|async[ \t]+def\b)/, why: 'only `client_storage=` values are read; a name is followed to a module-level assignment or one in the same function; outside bodies also any statement but a function definition (a module-level assignment may rebind a name the rule looks up) and any class (class bodies are module scope)' }],
  ['FMCP511', { words: /client_storage/, anywhere: /client_storage|class|^(?!@|def\b|async[ \t]+def\b)/, why: 'as FMCP510; outside bodies also any statement but a function definition (a module-level assignment may rebind a name the rule looks up) and any class (class bodies are module scope)' }],
  ['FMCP512', { words: /stateless|workers/i, why: 'the file-wide search for stateless mode, and the `workers=` of a uvicorn.run call (however it is imported); the app names are module-level assignments, which a body edit cannot change' }],
  ['FMCP801', { words: /utcnow|utcfromtimestamp|timezone/, anywhere: /utcnow|utcfromtimestamp|timezone/, why: 'reports are on attributes spelled utcnow or utcfromtimestamp; the fix is withheld when an assignment to a name spelled `timezone` exists; the same outside bodies (a function or class named timezone spells it)' }],
]);
