# FastMCP template: basic server (FastMCP 3.x)
# snippet: $1 server-name = My Server
# snippet: $2 tool-name = greet
"""A minimal FastMCP server.

Run it locally:  python server.py                  (stdio, for desktop MCP clients)
With the CLI:    fastmcp run server.py:mcp         (the CLI never runs the __main__ block)
Inspect it:      fastmcp inspect server.py:mcp
"""

from fastmcp import FastMCP

# The server is a module-level object named `mcp` (or `server` / `app`): `fastmcp run` and
# FastMCP Cloud import this file and look it up by name; they do not run `__main__`.
mcp = FastMCP(
    "My Server",
    instructions="Greets people and reports its version.",
)


@mcp.tool
def greet(name: str) -> str:
    """Return a friendly greeting for `name`."""
    return f"Hello, {name}!"


@mcp.resource("config://version")
def server_version() -> str:
    """The server's version, as plain text."""
    # 3.x: a resource returns str, bytes or ResourceResult.
    # 2.x also accepted dicts/lists and JSON-encoded them; 3.x raises TypeError for those.
    return "1.0.0"


@mcp.prompt
def review_code(code: str) -> str:
    """Ask the model to review a piece of code."""
    return f"Please review this code and point out bugs:\n\n{code}"


if __name__ == "__main__":
    # stdio is the default transport. For HTTP:
    #     mcp.run(transport="http", host="127.0.0.1", port=8000)
    # (3.x: host/port belong to run(), never to FastMCP(...); 2.x only warned.)
    mcp.run()
