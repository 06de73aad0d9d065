/** FMCP702: a cycle among the workspace modules the entrypoint imports, through module-level imports. */
import { defineCheck, type Finding } from '../check';

export default defineCheck({
  meta: {
    code: 'FMCP702',
    name: 'circular-import',
    severity: 'warning',
    title: 'Workspace modules import each other at module level',
    docs: {
      what: 'Finds cycles among the workspace modules in the entrypoint\'s import closure, following imports that run at import time (module level, not inside functions, not under `if TYPE_CHECKING:`). Each cycle is reported once, at the import that closes it, with its path.',
      why: 'Python runs a module top to bottom on first import. In a cycle, one module sees the other half-initialized: "ImportError: cannot import name \'mcp\' from partially initialized module \'server\' (most likely due to a circular import)". The typical case is `tools.py` importing `mcp` from `server.py` while `server.py` imports `tools`.',
      example: '# server.py\nfrom fastmcp import FastMCP\nimport tools\n\nmcp = FastMCP("Demo")\n\n# tools.py\nfrom server import mcp\n\n@mcp.tool\ndef add(a: int, b: int) -> int:\n    return a + b',
      useInstead: '# server.py\nfrom fastmcp import FastMCP\nfrom tools import register\n\nmcp = FastMCP("Demo")\nregister(mcp)\n\n# tools.py\ndef register(mcp):\n    @mcp.tool\n    def add(a: int, b: int) -> int:\n        return a + b',
      guide: [13],
      notes: 'Imports inside functions run later and break cycles; they are not followed.',
    },
  },
  run({ project }) {
    if (!project.entrypoint) return { skip: project.entrypointProblem ?? 'no entrypoint', findings: [] };
    // Edges that run at import time.
    const edges = project.localImports.filter((e) => e.fact.moduleLevel && !e.fact.optional);
    const out = new Map<string, typeof edges>();
    for (const e of edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e);
    // Tarjan's strongly connected components; a component with more than one module holds a cycle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const comps: string[][] = [];
    const strong = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const e of out.get(v) ?? []) {
        if (!idx.has(e.to)) {
          strong(e.to);
          low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
        } else if (on.has(e.to)) low.set(v, Math.min(low.get(v)!, idx.get(e.to)!));
      }
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) comps.push(comp);
      }
    };
    for (const f of project.closure) if (!idx.has(f)) strong(f);
    const findings: Finding[] = [];
    for (const comp of comps) {
      const members = new Set(comp);
      // Walk from the member nearest the entrypoint until a module repeats: that is the cycle's path.
      const start = project.closure.find((f) => members.has(f))!;
      const pathSeq = [start];
      const via: typeof edges = [];
      let cur = start;
      for (;;) {
        const next = (out.get(cur) ?? []).find((e) => members.has(e.to))!;
        via.push(next);
        if (pathSeq.includes(next.to)) {
          const from = pathSeq.indexOf(next.to);
          const cycle = [...pathSeq.slice(from), next.to].map((f) => project.rel(f));
          const closing = via[via.length - 1];
          findings.push({
            severity: 'warning',
            path: closing.from,
            range: closing.fact.range,
            message: `Circular import at module level: ${cycle.join(' → ')}. One of these modules runs while the other is half-initialized ("cannot import name … from partially initialized module"). Move the import into a function, or pass the server object instead of importing it back.`,
          });
          break;
        }
        pathSeq.push(next.to);
        cur = next.to;
      }
    }
    return { findings, passed: `no cycles among ${project.closure.length} workspace module${project.closure.length === 1 ? '' : 's'}` };
  },
});
