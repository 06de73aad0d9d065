# FastMCP template: server lifespan (FastMCP 3.x)
# snippet: $1 server-name = Lifespan Example
"""Server lifespans in FastMCP 3.x.

The lifespan runs once per server process (2.13+): at startup before the first client, cleanup
at shutdown. Before 2.13 it ran once per client session. For per-session setup use middleware
(`on_initialize`) or session state.

3.x: `@lifespan` from `fastmcp.server.lifespan`; lifespans compose with `|`, and tools read the
yielded dict from `ctx.lifespan_context`.
2.x: decorate with `@contextlib.asynccontextmanager` instead and read
`ctx.request_context.lifespan_context`.
"""

import os
import time

import httpx

from fastmcp import Context, FastMCP
from fastmcp.server.lifespan import lifespan


@lifespan
async def http_client_lifespan(server):
    """One HTTP client shared by every request (connection pooling)."""
    client = httpx.AsyncClient(
        base_url=os.environ.get("API_BASE_URL", "https://api.example.com"),
        timeout=30.0,
    )
    try:
        yield {"http": client}
    finally:
        # In `finally`, so cleanup also runs when the server stops on an error.
        await client.aclose()


@lifespan
async def stats_lifespan(server):
    """Process-wide counters."""
    stats = {"started_at": time.time(), "calls": 0}
    try:
        yield {"stats": stats}
    finally:
        stats.clear()


# Entered left to right, exited in reverse; the yielded dicts are merged.
mcp = FastMCP("Lifespan Example", lifespan=http_client_lifespan | stats_lifespan)


@mcp.tool
async def fetch_status(ctx: Context) -> str:
    """Fetch the upstream API's status with the shared HTTP client."""
    client: httpx.AsyncClient = ctx.lifespan_context["http"]
    stats = ctx.lifespan_context["stats"]
    stats["calls"] += 1
    response = await client.get("/status")
    return f"{response.status_code} {response.reason_phrase}"


@mcp.tool
def uptime(ctx: Context) -> float:
    """Seconds since the server started."""
    return time.time() - ctx.lifespan_context["stats"]["started_at"]


if __name__ == "__main__":
    mcp.run()
