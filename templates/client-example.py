# FastMCP template: client (FastMCP 3.x)
# snippet: $1 server-target = server.py
"""Talking to an MCP server with `fastmcp.Client`.

The transport is inferred from what you pass:
- a FastMCP instance        -> in memory (ideal for tests: `async with Client(mcp) as client:`)
- a path to a .py/.js file  -> stdio subprocess
- an http(s):// URL         -> Streamable HTTP (an URL ending in /sse -> legacy SSE)

3.x: `call_tool` returns a CallToolResult (`.data` is the deserialized structured result,
`.content` the content blocks) and raises ToolError when the tool fails, unless
`raise_on_error=False`. 2.x before 2.10 returned a list of content blocks.
"""

import asyncio
import os

from fastmcp import Client
from fastmcp.client.auth import BearerAuth

# A script path (stdio) or an URL (HTTP), e.g. MCP_SERVER=http://127.0.0.1:8000/mcp
SERVER = os.environ.get("MCP_SERVER", "server.py")
TOKEN = os.environ.get("MCP_TOKEN")


async def on_progress(progress: float, total: float | None, message: str | None) -> None:
    print(f"progress {progress}/{total or '?'} {message or ''}")


async def main() -> None:
    client = Client(
        SERVER,
        auth=BearerAuth(TOKEN) if TOKEN else None,
        progress_handler=on_progress,
        timeout=60,
    )
    async with client:
        await client.ping()

        tools = await client.list_tools()
        print("tools:", [tool.name for tool in tools])

        if any(tool.name == "greet" for tool in tools):
            result = await client.call_tool("greet", {"name": "Ada"})
            print("greet ->", result.data)

        resources = await client.list_resources()
        for resource in resources:
            contents = await client.read_resource(resource.uri)
            print(resource.uri, "->", getattr(contents[0], "text", "<binary>"))

        prompts = await client.list_prompts()
        for prompt in prompts:
            print("prompt:", prompt.name, [arg.name for arg in prompt.arguments or []])


if __name__ == "__main__":
    asyncio.run(main())
