/**
 * What counts as a hard-coded secret (FMCP504): secret-shaped names given a real-looking literal,
 * and known credential formats anywhere in a string. Placeholders, templates, environment variable
 * names, paths and URLs are not secrets.
 */

const SECRET_NAMES = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'api_key',
  'apikey',
  'secret_key',
  'private_key',
  'access_key',
  'signing_key',
  'jwt_signing_key',
  'client_secret',
  'upstream_client_secret',
  'access_token',
  'auth_token',
  'bearer_token',
  'refresh_token',
]);
const SECRET_SUFFIX = /_(api_?key|secret|secret_key|token|password|passwd|private_key|signing_key|access_key)$/;
/** `*_token` names that hold vocabulary or pagination markers, not credentials. */
const NOT_SECRET_TOKEN = /^(bos|eos|pad|unk|sep|cls|mask|start|end|stop|eot|special|image|audio|video|placeholder|split|separator|default|next|next_page|page|continuation|cancellation|cursor|resume|sync|csrf_header|max|min|num|total|input|output|completion|prompt)_token$/;

/** Whether an identifier, keyword or attribute name is shaped like something that holds a secret. */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase();
  if (NOT_SECRET_TOKEN.test(n)) return false;
  return SECRET_NAMES.has(n) || SECRET_SUFFIX.test(n);
}

const PLACEHOLDER_WORDS =
  /your|example|placeholder|change[-_ ]?me|changeit|replace|dummy|fake|sample|mock|test|xxx|\*\*\*|\.\.\.|todo|insert|redacted|not[-_ ]?set|undefined|null|none|secret|password|passwd|token|api[-_]?key|123456|abcdef|here/i;

/** Whether a literal given to a secret-shaped name looks like a real value rather than a stand-in. */
export function isRealSecretValue(value: string, name: string): boolean {
  const v = value.trim();
  if (v.length < 8 || /\s/.test(v)) return false;
  if (v.toLowerCase() === name.toLowerCase()) return false;
  if (PLACEHOLDER_WORDS.test(v)) return false;
  if (/^<.*>$|^\[.*\]$|^\{.*\}$/.test(v)) return false;
  if (/\$\{|\{\{|%\(|^\$[A-Za-z_]|\{[A-Za-z_]\w*\}/.test(v)) return false; // templates
  if (/^[A-Z][A-Z0-9_]*$/.test(v)) return false; // an environment variable's name
  if (/:\/\/|^[./~]|\\|\.(pem|key|crt|json|txt|env|ya?ml|toml)$/i.test(v)) return false; // URLs and paths
  if (new Set(v.toLowerCase()).size < 5 || /(.)\1{3}/.test(v)) return false; // `aaaaaaaa`, `aaaaa-bbbbb`
  // Generated secrets carry digits or mixed case; plain words (`opaque`, `foo-bar`) are stand-ins.
  return /\d/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v));
}

interface Format {
  what: string;
  re: RegExp;
  /** Further check on the match (entropy, placeholders). */
  ok?: (m: string) => boolean;
}

const looksRandom = (s: string) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && new Set(s).size >= 10 && !/xxxx|your|example|dummy|fake|placeholder|123456|abcdef|\.\.\./i.test(s);

const FORMATS: Format[] = [
  { what: 'an OpenAI/Anthropic-style API key (`sk-…`)', re: /(?<![A-Za-z0-9_-])sk-(?:proj-|ant-(?:api\d\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, ok: (m) => looksRandom(m.slice(3)) },
  { what: 'a GitHub token (`ghp_…`)', re: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,}/g, ok: (m) => looksRandom(m.slice(4)) },
  { what: 'a GitHub fine-grained token (`github_pat_…`)', re: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}/g, ok: (m) => looksRandom(m.slice(11)) },
  { what: 'an AWS access key id (`AKIA…`)', re: /(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])/g, ok: (m) => !/EXAMPLE|XXXX/.test(m) },
  { what: 'a Slack token (`xox…-`)', re: /(?<![A-Za-z0-9])xox[bpoa]-[0-9A-Za-z-]{10,}/g, ok: (m) => looksRandom(m.slice(5)) },
  { what: 'a Google API key (`AIza…`)', re: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, ok: (m) => looksRandom(m.slice(4)) },
  { what: 'a Hugging Face token (`hf_…`)', re: /(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{34,}/g, ok: (m) => looksRandom(m.slice(3)) },
  { what: 'a Stripe live key (`sk_live_…`)', re: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{20,}/g, ok: (m) => looksRandom(m.slice(8)) },
  {
    what: 'a PEM private key',
    re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?-----END/g,
    ok: (m) => (m.replace(/-----[A-Z0-9 ]+-----/g, '').match(/[A-Za-z0-9+/=]/g)?.length ?? 0) >= 64,
  },
];

/** Every format above holds one of these literally: most strings are dismissed by one search. */
const ANY_FORMAT = /sk-|gh[pousr]_|github_pat_|AKIA|ASIA|xox[bpoa]-|AIza|hf_|k_live_|PRIVATE KEY-----/;

/** The kind of credential found in a string, or null. */
export function credentialFormat(text: string): string | null {
  if (!ANY_FORMAT.test(text)) return null;
  for (const f of FORMATS) {
    for (const m of text.matchAll(f.re)) if (!f.ok || f.ok(m[0])) return f.what;
  }
  return null;
}

/** A Fernet key: 32 bytes of urlsafe base64 (44 characters ending in `=`). */
export function isFernetKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}=$/.test(value) && looksRandom(value);
}
