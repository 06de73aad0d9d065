# FastMCP template: storage backends (FastMCP 3.x)
# snippet: $1 server-name = Storage Example
"""Storage backends in FastMCP 3.x (2.13+), provided by py-key-value-aio.

There is no `FastMCP(storage=...)`. A store goes where a component needs one:
- `ResponseCachingMiddleware(cache_storage=...)`   cached list/call/read results (2.13+)
- `FastMCP(session_state_store=...)`              ctx.set_state/get_state (3.x only)
- `OAuthProxy(..., client_storage=...)` / providers OAuth client registrations and tokens (2.13+)

Stores: MemoryStore (default, lost on restart), DiskStore(directory=...), RedisStore(url=...),
DynamoDBStore(table_name=...), ... Import them from `key_value.aio.stores.<name>`.
"""

import os

from cryptography.fernet import Fernet
from key_value.aio.stores.disk import DiskStore
from key_value.aio.stores.memory import MemoryStore
from key_value.aio.stores.redis import RedisStore
from key_value.aio.wrappers.encryption import FernetEncryptionWrapper

from fastmcp import Context, FastMCP
from fastmcp.server.auth.providers.github import GitHubProvider
from fastmcp.server.middleware.caching import ResponseCachingMiddleware

# Redis when REDIS_URL is set (shared by every replica), otherwise a local directory.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    # Redis needs the extra: pip install "py-key-value-aio[redis]"
    shared_store = RedisStore(url=REDIS_URL)
else:
    shared_store = DiskStore(directory=os.environ.get("STORAGE_DIR", ".fastmcp-storage"))

# OAuth tokens are credentials: encrypt them at rest. Generate a key once with
#     python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
# and keep it in the environment, never in the code.
token_storage = FernetEncryptionWrapper(
    shared_store,
    fernet=Fernet(os.environ["STORAGE_ENCRYPTION_KEY"]),
)

auth = GitHubProvider(
    client_id=os.environ["GITHUB_CLIENT_ID"],
    client_secret=os.environ["GITHUB_CLIENT_SECRET"],
    base_url=os.environ.get("PUBLIC_BASE_URL", "http://localhost:8000"),
    jwt_signing_key=os.environ["JWT_SIGNING_KEY"],
    client_storage=token_storage,
)

mcp = FastMCP(
    "Storage Example",
    auth=auth,
    # 3.x only: where per-session state lives (default: in memory).
    session_state_store=MemoryStore(),
    middleware=[
        ResponseCachingMiddleware(
            cache_storage=shared_store,
            call_tool_settings={"ttl": 60, "included_tools": ["expensive_lookup"]},
        ),
    ],
)


@mcp.tool
def expensive_lookup(key: str) -> str:
    """A slow lookup whose result is cached for 60 seconds."""
    return key[::-1]


@mcp.tool
async def remember(key: str, value: str, ctx: Context) -> str:
    """Remember a value for the rest of this session."""
    # 3.x: session-scoped and async (await it). 2.11-2.14: request-scoped and sync (no await).
    await ctx.set_state(key, value)
    return f"Remembered {key}"


@mcp.tool
async def recall(key: str, ctx: Context) -> str:
    """Recall a value remembered earlier in this session."""
    value = await ctx.get_state(key)
    return value if value is not None else f"Nothing remembered under {key}"


if __name__ == "__main__":
    # OAuth needs an HTTP transport.
    mcp.run(transport="http", host="127.0.0.1", port=8000)
