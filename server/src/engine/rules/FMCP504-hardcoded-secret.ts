import type { Node } from '../parse';
import { ownStringsWhere, plainStringParts, stringValue, type FileModel } from '../model/model';
import { defineRule } from './api';
import { lastSegment } from './util-api';
import { credentialFormat, isFernetKey, isRealSecretValue, isSecretName } from './util-secrets';

/** The name a string literal is given to: keyword, assignment target, or parameter with that default. */
function receivingName(str: Node): string | null {
  const p = str.parent;
  if (!p) return null;
  switch (p.type) {
    case 'keyword_argument':
      return p.childForFieldName('value')?.id === str.id ? (p.childForFieldName('name')?.text ?? null) : null;
    case 'assignment': {
      if (p.childForFieldName('right')?.id !== str.id) return null;
      const left = p.childForFieldName('left');
      if (left?.type === 'identifier') return left.text;
      if (left?.type === 'attribute') return left.childForFieldName('attribute')?.text ?? null;
      return null;
    }
    case 'default_parameter':
    case 'typed_default_parameter':
      return p.childForFieldName('value')?.id === str.id ? (p.childForFieldName('name')?.text ?? null) : null;
    default:
      return null;
  }
}

/** The raw text of a string's literal parts (f-string interpolations and escape sequences left out). */
function literalText(str: Node): string {
  const plain = plainStringParts(str.text);
  if (plain) return plain.inner;
  return str.namedChildren
    .filter((c) => c?.type === 'string_content')
    .map((c) => c!.text)
    .join('');
}

/** What FMCP504 says about one string literal, or null. */
function verdict(model: FileModel, str: Node): string | null {
  const raw = literalText(str);
  if (raw.length < 8 || str.hasError) return null;

  const format = credentialFormat(raw);
  if (format) return `This string contains ${format}: anyone who can read the source can use it. Revoke it, and read it from the environment (\`os.environ[...]\`) instead.`;

  const value = stringValue(str);
  if (value === null) return null;
  // Neither a secret value nor a Fernet key holds whitespace (docstrings and messages end here).
  const trimmed = value.trim();
  if (trimmed.length < 8 || /\s/.test(trimmed)) return null;
  const name = receivingName(str);
  if (name && isSecretName(name) && isRealSecretValue(value, name)) {
    return `\`${name}\` is given a literal secret: it ships with the source to everyone who can read it. Read it from the environment (\`os.environ["${name.toUpperCase()}"]\`) and keep the value out of git.`;
  }

  const args = str.parent;
  const call = args?.type === 'argument_list' ? args.parent : args?.type === 'keyword_argument' ? args.parent?.parent : null;
  if (call?.type === 'call' && isFernetKey(value)) {
    const callee = model.resolve(call.childForFieldName('function')) ?? call.childForFieldName('function')?.text ?? '';
    if (lastSegment(callee) === 'Fernet') {
      return 'A literal Fernet key: whoever reads the source can decrypt everything it protects (stored OAuth tokens included). Load it from the environment: `Fernet(os.environ["STORAGE_ENCRYPTION_KEY"])`.';
    }
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'FMCP504',
    name: 'hardcoded-secret',
    title: 'Secret written in the source',
    severity: 'error',
    docs: {
      what: 'Flags a real-looking string literal given to a secret-shaped keyword or name (`client_secret`, `upstream_client_secret`, `jwt_signing_key`, `api_key`, `password`, `token`, `secret`, `*_API_KEY`, `*_SECRET`, `*_TOKEN`, `*_PASSWORD`, …), a literal Fernet key passed to `Fernet(...)`, and any string containing a known credential format: `sk-…` API keys, GitHub `ghp_…`/`github_pat_…` tokens, AWS `AKIA…` key ids, Slack `xox…-` tokens, Google `AIza…` keys, Hugging Face `hf_…` tokens, Stripe live keys, PEM private keys.',
      why: 'A secret in the source is in every clone, fork, package and log of the repository, and FastMCP Cloud deploys from GitHub: anyone who can read the code can impersonate your OAuth app, decrypt stored tokens or spend on your API account. Secrets belong in the environment (`os.environ["GITHUB_CLIENT_SECRET"]`), with `.env` ignored by git.',
      example: 'auth = GitHubProvider(\n    client_id="Ov23liAbCdEf",\n    client_secret="3f9c2a7be41d08c5e6f7a9b0c1d2e3f4a5b6c7d8",\n    base_url="https://mcp.example.com",\n)',
      useInstead: 'auth = GitHubProvider(\n    client_id=os.environ["GITHUB_CLIENT_ID"],\n    client_secret=os.environ["GITHUB_CLIENT_SECRET"],\n    base_url="https://mcp.example.com",\n)',
      guide: [23],
      notes:
        'Not flagged: test files; placeholders and stand-ins (`""`, `"<token>"`, `"your-api-key-here"`, `"changeme"`, `"xxxx"`, `"..."`, values containing example/dummy/fake/test or the words secret/password/token themselves, values shorter than 8 characters); templates (`"${API_KEY}"`, `"{token}"`); environment variable names (`"OPENAI_API_KEY"`); URLs and file paths; values with spaces; `os.environ[...]`/`os.getenv(...)` reads. Known credential formats must also look random (letters and digits, no `xxxx`/`EXAMPLE`/`123456`) to count. The message never repeats the secret.',
    },
  },
  check(ctx) {
    if (ctx.isTestFile) return;
    const model = ctx.model;
    // What a string literal says depends on it, its parent and name resolution: the scan is kept per statement.
    for (const str of ownStringsWhere(model, SECRETS, (s) => verdict(model, s) !== null)) ctx.report({ node: str, message: verdict(model, str)! });
  },
});

const SECRETS = {};
