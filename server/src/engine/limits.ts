/** Inputs the engine refuses to parse, with the reason shown to the user. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Why a file is skipped (too large, binary), or null when it can be linted. */
export function skipReason(text: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string | null {
  // UTF-16 length is a close lower bound on UTF-8 size and avoids encoding a huge buffer just to measure it.
  if (text.length > maxBytes) return `skipped: file is ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit (fastmcp.lint.maxFileSize)`;
  const probe = text.length > 65536 ? text.slice(0, 65536) : text;
  if (probe.includes('\u0000')) return 'skipped: file contains NUL bytes (binary content)';
  return null;
}
