/**
 * Which distribution provides an imported module. Most distributions install a module of their own
 * name (`httpx` → `httpx`, `py-key-value-aio` would be `py_key_value_aio`); this table holds the
 * common exceptions, where the import name and the name in requirements.txt differ.
 */
import { normalizeName } from '../config/requirements';

/** Import name (top level, or a dotted prefix) → distributions that provide it (PEP 503 normalized). */
export const IMPORT_TO_DISTRIBUTIONS: ReadonlyMap<string, readonly string[]> = new Map<string, string[]>([
  ['yaml', ['pyyaml', 'ruamel-yaml']],
  ['dotenv', ['python-dotenv']],
  ['PIL', ['pillow']],
  ['bs4', ['beautifulsoup4']],
  ['jwt', ['pyjwt']],
  ['jose', ['python-jose']],
  ['sklearn', ['scikit-learn']],
  ['skimage', ['scikit-image']],
  ['cv2', ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless']],
  ['key_value', ['py-key-value-aio', 'py-key-value-sync', 'py-key-value-shared']],
  ['dateutil', ['python-dateutil']],
  ['magic', ['python-magic']],
  ['multipart', ['python-multipart']],
  ['docx', ['python-docx']],
  ['pptx', ['python-pptx']],
  ['slugify', ['python-slugify']],
  ['telegram', ['python-telegram-bot']],
  ['socketio', ['python-socketio']],
  ['engineio', ['python-engineio']],
  ['Crypto', ['pycryptodome']],
  ['Cryptodome', ['pycryptodomex']],
  ['OpenSSL', ['pyopenssl']],
  ['nacl', ['pynacl']],
  ['git', ['gitpython']],
  ['github', ['pygithub']],
  ['gitlab', ['python-gitlab']],
  ['serial', ['pyserial']],
  ['usb', ['pyusb']],
  ['zmq', ['pyzmq']],
  ['MySQLdb', ['mysqlclient']],
  ['mysql', ['mysql-connector-python']],
  ['psycopg2', ['psycopg2', 'psycopg2-binary']],
  ['psycopg', ['psycopg', 'psycopg-binary']],
  ['pymysql', ['pymysql']],
  ['sqlalchemy', ['sqlalchemy']],
  ['attr', ['attrs']],
  ['attrs', ['attrs']],
  ['fitz', ['pymupdf']],
  ['pymupdf', ['pymupdf']],
  ['pypdf', ['pypdf']],
  ['PyPDF2', ['pypdf2']],
  ['markdown', ['markdown']],
  ['lxml', ['lxml']],
  ['googleapiclient', ['google-api-python-client']],
  ['google_auth_oauthlib', ['google-auth-oauthlib']],
  ['google.auth', ['google-auth']],
  ['google.oauth2', ['google-auth']],
  ['google.protobuf', ['protobuf']],
  ['google.genai', ['google-genai']],
  ['google.generativeai', ['google-generativeai']],
  ['grpc', ['grpcio']],
  ['Levenshtein', ['levenshtein', 'python-levenshtein']],
  ['websocket', ['websocket-client']],
  ['win32api', ['pywin32']],
  ['win32com', ['pywin32']],
  ['pkg_resources', ['setuptools']],
  ['setuptools', ['setuptools']],
  ['typing_extensions', ['typing-extensions']],
  ['importlib_metadata', ['importlib-metadata']],
  ['ruamel', ['ruamel-yaml']],
  ['tomli_w', ['tomli-w']],
  ['email_validator', ['email-validator']],
  ['pydantic_settings', ['pydantic-settings']],
  ['pydantic_core', ['pydantic-core', 'pydantic']],
  ['openai', ['openai']],
  ['anthropic', ['anthropic']],
  // Every FastMCP release requires `mcp` and is built on it; `mcp.types` in a fastmcp server is declared by `fastmcp`.
  ['mcp', ['mcp', 'fastmcp']],
  ['fastmcp', ['fastmcp']],
  ['redis', ['redis']],
  ['aioredis', ['aioredis', 'redis']],
  ['duckduckgo_search', ['duckduckgo-search']],
  ['sentence_transformers', ['sentence-transformers']],
  ['huggingface_hub', ['huggingface-hub']],
  ['speech_recognition', ['speechrecognition']],
  ['wx', ['wxpython']],
  ['gi', ['pygobject']],
  ['umap', ['umap-learn']],
  ['faiss', ['faiss-cpu', 'faiss-gpu']],
  ['playwright', ['playwright']],
  ['docker', ['docker']],
  ['kubernetes', ['kubernetes']],
  ['boto3', ['boto3']],
  ['botocore', ['botocore', 'boto3']],
  ['azure.identity', ['azure-identity']],
]);

/** Distributions that can provide `module` (a dotted import name). Never empty. */
export function distributionsFor(module: string): string[] {
  const parts = module.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const key = parts.slice(0, n).join('.');
    const hit = IMPORT_TO_DISTRIBUTIONS.get(key);
    if (hit) return [...hit];
  }
  const top = parts[0];
  // Namespace packages published per sub-package: `google.cloud.storage` → google-cloud-storage.
  if (top === 'google' && parts[1] === 'cloud' && parts[2]) return [normalizeName(`google-cloud-${parts[2]}`)];
  if ((top === 'azure' || top === 'opentelemetry') && parts[1]) {
    const out = [normalizeName(`${top}-${parts[1]}`)];
    if (top === 'opentelemetry') out.push('opentelemetry-api', 'opentelemetry-sdk');
    return out;
  }
  return [normalizeName(top)];
}

/** The distribution to suggest adding for `module`: the table's first choice or the import's own name. */
export function suggestedDistribution(module: string): string {
  const parts = module.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const hit = IMPORT_TO_DISTRIBUTIONS.get(parts.slice(0, n).join('.'));
    if (hit) return DISPLAY_NAMES.get(hit[0]) ?? hit[0];
  }
  return distributionsFor(module)[0];
}

const DISPLAY_NAMES = new Map<string, string>([
  ['pyyaml', 'PyYAML'],
  ['pillow', 'Pillow'],
  ['pyjwt', 'PyJWT'],
]);

/**
 * Whether one of the declared distributions provides `module`. A distribution also provides the module
 * spelled like its own name (`my-lib` → `my_lib`), and `python-x`/`x-python`/`py-x`/`pyx` → `x`.
 */
export function isProvidedBy(module: string, declared: ReadonlySet<string>): boolean {
  for (const d of distributionsFor(module)) if (declared.has(d)) return true;
  const top = normalizeName(module.split('.')[0]);
  for (const d of declared) {
    if (d === top) return true;
    const stripped = d.replace(/^python-|^py-|-python$|-py$/, '');
    if (stripped === top) return true;
    if (d.startsWith('py') && d.slice(2) === top) return true;
  }
  return false;
}
