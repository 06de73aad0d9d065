import { defineRule } from './api';

/** Reported by the linter itself after suppressions are matched (see lint.ts); the check is empty. */
export default defineRule({
  meta: {
    code: 'FMCP000',
    name: 'unused-suppression',
    title: 'Suppression comment that silences nothing',
    severity: 'info',
    fix: { safety: 'safe', title: 'Remove unused suppression' },
    docs: {
      what: 'Flags a `# noqa: FMCPxxx`, `# fastmcp: ignore[FMCPxxx]` or file-level `# fastmcp: noqa:` comment naming a rule that ran on the file and found nothing on that line.',
      why: 'Stale suppressions hide the next real problem on the same line and make readers believe something is wrong there. Suppressions of rules that did not run (switched off, or outside the target version) are left alone.',
      example: 'mcp.run(transport="http")  # noqa: FMCP103',
      useInstead: 'mcp.run(transport="http")',
      notes: 'Turn it off with `ignore = ["FMCP000"]` if your team keeps suppressions deliberately.',
    },
  },
  check() {},
});
