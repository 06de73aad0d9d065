/** FMCP714: a file in the entrypoint's import closure does not parse. */
import { defineCheck, type Finding } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP714',
    name: 'syntax-error',
    severity: 'error',
    title: 'A module the server imports has a syntax error',
    docs: {
      what: 'Parses every file in the entrypoint\'s local import closure and reports the first place each one fails to parse.',
      why: 'Python compiles a module when it is first imported: a syntax error anywhere in the closure stops the server at startup with "SyntaxError" — even in a module whose tools nobody calls.',
      example: '# tools.py (imported by server.py)\ndef add(a: int, b: int) -> int\n    return a + b',
      useInstead: '# tools.py\ndef add(a: int, b: int) -> int:\n    return a + b',
      notes: 'The parser is tree-sitter\'s Python grammar (3.x syntax up to 3.13), not CPython: constructs newer than the grammar may be reported.',
    },
  },
  run({ project }) {
    if (!project.entrypoint) return { skip: project.entrypointProblem ?? 'no entrypoint', findings: [] };
    const findings: Finding[] = [];
    for (const file of project.closure) {
      const e = project.facts(file)?.syntaxError;
      if (e) findings.push({ severity: 'error', path: file, range: e.range, message: `Syntax error (${e.message}): importing ${project.rel(file)} raises SyntaxError and the server does not start.` });
    }
    return { findings, passed: project.closure.length === 1 ? 'the module parses' : `all ${project.closure.length} modules parse` };
  },
});
