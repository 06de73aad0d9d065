/**
 * VS Code snippet syntax: escaping literal text into a snippet body, and expanding a body with
 * its defaults (what a user gets by pressing Tab through every placeholder). The expander is
 * strict: an unescaped `$` that starts no tab stop, placeholder or variable is an error.
 */

/** Escapes literal text for a snippet body: `\`, `$` and `}` are the characters the syntax reserves. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Variables a snippet may use, with a sample value for expansion in tests. */
const VARIABLES: Record<string, string> = {
  TM_FILENAME: 'server.py',
  TM_FILENAME_BASE: 'server',
  TM_SELECTED_TEXT: '',
  CLIPBOARD: '',
};

/** Expands a snippet body with defaults. Throws on malformed syntax. */
export function expandSnippet(body: string): string {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i} in snippet: ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const values = new Map<number, string>();

  // Parses text until `stop` (a closing `}` of a placeholder) or the end.
  function parseText(inPlaceholder: boolean): string {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\') {
        const n = body[i + 1];
        if (n === '$' || n === '}' || n === '\\') {
          out += n;
          i += 2;
        } else {
          out += c;
          i++;
        }
      } else if (c === '}' && inPlaceholder) {
        return out;
      } else if (c === '$') {
        out += parseDollar();
      } else {
        out += c;
        i++;
      }
    }
    if (inPlaceholder) fail('unclosed placeholder');
    return out;
  }

  function parseDollar(): string {
    i++; // $
    let m = /^\d+/.exec(body.slice(i));
    if (m) {
      i += m[0].length;
      return values.get(Number(m[0])) ?? '';
    }
    m = /^[A-Z_][A-Z0-9_]*/.exec(body.slice(i));
    if (m) {
      i += m[0].length;
      if (!(m[0] in VARIABLES)) fail(`unknown variable ${m[0]}`);
      return VARIABLES[m[0]];
    }
    if (body[i] !== '{') return fail('unescaped $');
    i++;
    m = /^(\d+)/.exec(body.slice(i));
    if (m) {
      const n = Number(m[1]);
      i += m[1].length;
      if (body[i] === '}') {
        i++;
        return values.get(n) ?? '';
      }
      if (body[i] === ':') {
        i++;
        const v = parseText(true);
        i++; // }
        if (!values.has(n)) values.set(n, v);
        return v;
      }
      if (body[i] === '|') {
        const end = body.indexOf('|}', i + 1);
        if (end < 0) fail('unclosed choice');
        const first = body.slice(i + 1, end).split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
        i = end + 2;
        if (!values.has(n)) values.set(n, first);
        return first;
      }
      return fail('malformed tab stop');
    }
    m = /^[A-Z_][A-Z0-9_]*/.exec(body.slice(i));
    if (!m) return fail('malformed ${...}');
    i += m[0].length;
    if (body[i] === '}') {
      i++;
      return VARIABLES[m[0]] ?? fail(`unknown variable ${m[0]}`);
    }
    if (body[i] === ':') {
      i++;
      const v = parseText(true);
      i++;
      return VARIABLES[m[0]] || v;
    }
    return fail('malformed variable');
  }

  return parseText(false);
}
