# FastMCP template: resources and resource templates (FastMCP 3.x)
# snippet: $1 server-name = Resources Examples
"""Resource patterns for FastMCP 3.x.

- Every URI has a scheme (`config://`, `data://`, ...); a static URI without one fails at import.
- `{name}` matches one path segment, `{name*}` several; both must be function parameters.
- `{?a,b}` query parameters (2.13+) must be optional parameters with defaults, all in one group.
- 3.x resources return str, bytes or ResourceResult. 2.x JSON-encoded dicts and lists for you;
  in 3.x encode them yourself (json.dumps) or you get a TypeError when the resource is read.
"""

import json
from datetime import datetime, timezone

from fastmcp import Context, FastMCP
from fastmcp.exceptions import ResourceError
from fastmcp.resources import ResourceContent, ResourceResult

mcp = FastMCP("Resources Examples")

USERS = {
    "1": {"name": "Ada", "role": "admin"},
    "2": {"name": "Grace", "role": "developer"},
}


# A static resource.
@mcp.resource("config://app", mime_type="application/json")
def app_config() -> str:
    """Application configuration."""
    return json.dumps({"debug": False, "features": ["search", "export"]})


# A template: `{user_id}` maps to the `user_id` parameter.
@mcp.resource("users://{user_id}/profile", mime_type="application/json")
def user_profile(user_id: str) -> str:
    """A user's profile."""
    user = USERS.get(user_id)
    if user is None:
        raise ResourceError(f"Unknown user: {user_id}")
    return json.dumps(user)


# A wildcard parameter spans several path segments: docs://files/guides/intro.md
@mcp.resource("docs://files/{path*}")
def document(path: str) -> str:
    """A document from the documentation tree."""
    return f"# {path}\n\n(contents of {path})"


# Query parameters: data://items/books?limit=5&order=desc
@mcp.resource("data://items/{category}{?limit,order}", mime_type="application/json")
def items(category: str, limit: int = 10, order: str = "asc") -> str:
    """Items in a category, optionally limited and ordered."""
    names = sorted((f"{category}-{i}" for i in range(limit)), reverse=order == "desc")
    return json.dumps(names)


# Several contents with their own MIME types.
@mcp.resource("reports://daily")
def daily_report() -> ResourceResult:
    """Today's report as Markdown plus a CSV attachment."""
    today = datetime.now(timezone.utc).date().isoformat()
    return ResourceResult(
        [
            ResourceContent(f"# Report for {today}", mime_type="text/markdown"),
            ResourceContent("metric,value\nrequests,42\n", mime_type="text/csv"),
        ]
    )


# Binary content.
@mcp.resource("images://logo", mime_type="image/png")
def logo() -> bytes:
    """The project logo (a 1x1 PNG here)."""
    return bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )


# Async resources may take a Context (it is injected, not part of the URI).
@mcp.resource("status://server")
async def server_status(ctx: Context) -> str:
    """Current server status."""
    await ctx.debug("Status requested")
    return json.dumps({"status": "ok", "time": datetime.now(timezone.utc).isoformat()})


if __name__ == "__main__":
    mcp.run()
