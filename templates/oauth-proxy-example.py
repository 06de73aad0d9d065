# FastMCP template: OAuth proxy (FastMCP 3.x)
# snippet: $1 server-name = OAuth Protected Server
"""OAuthProxy (2.12+) lets MCP clients use dynamic client registration against an upstream
OAuth provider that only knows one pre-registered app (GitHub, Google, Azure, an in-house IdP).

Required keywords: upstream_authorization_endpoint, upstream_token_endpoint, upstream_client_id,
upstream_client_secret, token_verifier, base_url. Register `{base_url}/auth/callback` as the
redirect URI of the upstream app.

The built-in providers (GitHubProvider, GoogleProvider, AzureProvider, ...) are preconfigured
OAuthProxy subclasses. 3.x reads none of their settings from FASTMCP_SERVER_AUTH_* variables:
pass every argument explicitly, as below. 2.13-2.14 could load them from those variables.

Secrets come from the environment (see .env.example); nothing secret is written in this file.
"""

import os

from cryptography.fernet import Fernet
from key_value.aio.stores.disk import DiskStore
from key_value.aio.wrappers.encryption import FernetEncryptionWrapper

from fastmcp import FastMCP
from fastmcp.server.auth import OAuthProxy
from fastmcp.server.auth.providers.jwt import JWTVerifier
from fastmcp.server.dependencies import get_access_token

# Where MCP clients reach this server. Use https:// in production.
BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://localhost:8000")

# Verifies the tokens the upstream provider issues.
token_verifier = JWTVerifier(
    jwks_uri=os.environ["OAUTH_JWKS_URI"],
    issuer=os.environ["OAUTH_ISSUER"],
    audience=os.environ.get("OAUTH_AUDIENCE"),
    required_scopes=["openid", "profile"],
)

auth = OAuthProxy(
    upstream_authorization_endpoint=os.environ["OAUTH_AUTHORIZATION_ENDPOINT"],
    upstream_token_endpoint=os.environ["OAUTH_TOKEN_ENDPOINT"],
    upstream_client_id=os.environ["OAUTH_CLIENT_ID"],
    upstream_client_secret=os.environ["OAUTH_CLIENT_SECRET"],
    token_verifier=token_verifier,
    base_url=BASE_URL,
    # Optional: FastMCP derives a key from the client secret if absent; an explicit, long,
    # random key survives secret rotation.
    jwt_signing_key=os.environ["JWT_SIGNING_KEY"],
    # Persistent and encrypted, so clients stay registered across restarts and tokens are
    # not stored in plain text.
    client_storage=FernetEncryptionWrapper(
        DiskStore(directory=os.environ.get("OAUTH_STORAGE_DIR", ".oauth-proxy")),
        fernet=Fernet(os.environ["STORAGE_ENCRYPTION_KEY"]),
    ),
    # The consent screen (require_authorization_consent=True) is on by default; keep it on.
    # Restrict which client redirect URIs may be used (None allows any; [] blocks all).
    allowed_client_redirect_uris=["http://localhost:*", "http://127.0.0.1:*"],
)

mcp = FastMCP("OAuth Protected Server", auth=auth)


@mcp.tool
def whoami() -> dict[str, str | None]:
    """Who the authenticated caller is."""
    token = get_access_token()
    if token is None:
        return {"client_id": None, "subject": None}
    return {"client_id": token.client_id, "subject": token.claims.get("sub")}


if __name__ == "__main__":
    # OAuth works over HTTP transports only.
    mcp.run(transport="http", host="127.0.0.1", port=8000)
