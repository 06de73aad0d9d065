# FastMCP template: authentication patterns (FastMCP 3.x)
# snippet: $1 server-name = Authenticated Server
"""Authentication patterns in FastMCP 3.x. Auth applies to HTTP transports only.

Pick a pattern with AUTH_MODE (see .env.example):
- "jwt":    this server only verifies bearer tokens (JWTVerifier; 2.x called it BearerAuthProvider
            until 2.14 removed that name).
- "remote": tokens come from an external authorization server that supports dynamic client
            registration; RemoteAuthProvider advertises it to clients.
- "github": a full OAuth login through GitHub (GitHubProvider is an OAuthProxy).

3.x passes every provider argument explicitly; the FASTMCP_SERVER_AUTH / FASTMCP_SERVER_AUTH_*
variables of 2.x are gone. Per-component checks (`auth=require_scopes(...)`) are 3.x only.
"""

import os

from fastmcp import FastMCP
from fastmcp.server.auth import AuthProvider, RemoteAuthProvider, require_scopes
from fastmcp.server.auth.providers.github import GitHubProvider
from fastmcp.server.auth.providers.jwt import JWTVerifier
from fastmcp.server.dependencies import get_access_token

BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://localhost:8000")


def jwt_verifier() -> JWTVerifier:
    """Verify JWTs signed by a key published at a JWKS endpoint."""
    return JWTVerifier(
        jwks_uri=os.environ["OAUTH_JWKS_URI"],
        issuer=os.environ["OAUTH_ISSUER"],
        audience=os.environ.get("OAUTH_AUDIENCE"),
    )


def build_auth(mode: str) -> AuthProvider:
    if mode == "jwt":
        return jwt_verifier()
    if mode == "remote":
        return RemoteAuthProvider(
            token_verifier=jwt_verifier(),
            authorization_servers=[os.environ["OAUTH_ISSUER"]],
            base_url=BASE_URL,
        )
    if mode == "github":
        return GitHubProvider(
            client_id=os.environ["GITHUB_CLIENT_ID"],
            client_secret=os.environ["GITHUB_CLIENT_SECRET"],
            base_url=BASE_URL,
        )
    raise ValueError(f"Unknown AUTH_MODE: {mode!r}")


mcp = FastMCP("Authenticated Server", auth=build_auth(os.environ.get("AUTH_MODE", "jwt")))


@mcp.tool
def whoami() -> dict[str, object]:
    """The authenticated caller's client id and scopes."""
    token = get_access_token()
    if token is None:
        return {"authenticated": False}
    return {"authenticated": True, "client_id": token.client_id, "scopes": token.scopes}


# 3.x: only callers whose token carries the "admin" scope can see or call this tool.
@mcp.tool(auth=require_scopes("admin"))
def rotate_keys() -> str:
    """Rotate the service's signing keys (admin only)."""
    return "Keys rotated"


if __name__ == "__main__":
    mcp.run(transport="http", host="127.0.0.1", port=8000)
