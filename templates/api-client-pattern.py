# FastMCP template: API client pattern (FastMCP 3.x)
# snippet: $1 server-name = API Wrapper
"""Wrap an external REST API as MCP tools.

- One `httpx.AsyncClient` for the whole process, created in the lifespan and closed on shutdown.
- Async all the way: a blocking call (`requests.get`, sync `httpx.get`, `time.sleep`) inside an
  async tool stalls every other request.
- API failures become ToolError with a message the model can act on.
- The API key comes from the environment.
"""

import os

import httpx

from fastmcp import Context, FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.server.lifespan import lifespan

API_BASE_URL = os.environ.get("API_BASE_URL", "https://api.example.com")


@lifespan
async def api_lifespan(server):
    client = httpx.AsyncClient(
        base_url=API_BASE_URL,
        headers={"Authorization": f"Bearer {os.environ['API_KEY']}", "Accept": "application/json"},
        timeout=httpx.Timeout(30.0, connect=10.0),
    )
    try:
        yield {"api": client}
    finally:
        await client.aclose()


mcp = FastMCP("API Wrapper", lifespan=api_lifespan)


async def api_request(ctx: Context, method: str, path: str, **kwargs) -> dict:
    """Send one request to the API and turn failures into ToolError."""
    client: httpx.AsyncClient = ctx.lifespan_context["api"]
    try:
        response = await client.request(method, path, **kwargs)
        response.raise_for_status()
    except httpx.HTTPStatusError as exc:
        status = exc.response.status_code
        if status == 404:
            raise ToolError(f"Not found: {path}") from exc
        if status == 429:
            raise ToolError("The API rate limit was hit; try again in a minute") from exc
        raise ToolError(f"The API answered {status} for {method} {path}") from exc
    except httpx.TimeoutException as exc:
        raise ToolError("The API did not answer in time") from exc
    return response.json()


@mcp.tool(annotations={"readOnlyHint": True})
async def search_items(query: str, ctx: Context, limit: int = 10) -> list[dict]:
    """Search items by free text."""
    await ctx.info(f"Searching for {query!r}")
    data = await api_request(ctx, "GET", "/items", params={"q": query, "limit": limit})
    return data.get("items", [])


@mcp.tool(annotations={"readOnlyHint": True})
async def get_item(item_id: str, ctx: Context) -> dict:
    """Fetch one item by id."""
    return await api_request(ctx, "GET", f"/items/{item_id}")


@mcp.tool
async def create_item(name: str, ctx: Context, description: str = "") -> dict:
    """Create an item and return it."""
    return await api_request(ctx, "POST", "/items", json={"name": name, "description": description})


if __name__ == "__main__":
    mcp.run()
