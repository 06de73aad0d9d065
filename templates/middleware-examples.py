# FastMCP template: middleware (FastMCP 3.x)
# snippet: $1 server-name = Middleware Example
"""Middleware in FastMCP 3.x (2.9+).

- Base class: `fastmcp.server.middleware.Middleware` (there is no `BaseMiddleware` and no
  `fastmcp.middleware` package). Built-ins live in submodules of `fastmcp.server.middleware`.
- Every hook is `async def on_<hook>(self, context, call_next)` and continues the chain with
  `return await call_next(context)`. There is no `self.next()`.
- Order: the first middleware added is the outermost (first to see a request, last to see the
  response). Put ErrorHandlingMiddleware first so it handles errors raised by the others.
"""

import logging
import time

from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.server.middleware import Middleware, MiddlewareContext
from fastmcp.server.middleware.error_handling import ErrorHandlingMiddleware
from fastmcp.server.middleware.logging import LoggingMiddleware
from fastmcp.server.middleware.rate_limiting import RateLimitingMiddleware
from fastmcp.server.middleware.timing import TimingMiddleware

logger = logging.getLogger("middleware-example")


class AuditMiddleware(Middleware):
    """Logs every tool call with its duration."""

    async def on_call_tool(self, context: MiddlewareContext, call_next):
        started = time.perf_counter()
        try:
            return await call_next(context)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            logger.info("tool %s took %.1f ms", context.message.name, elapsed_ms)


class ReadOnlyMiddleware(Middleware):
    """Hides and blocks tools tagged "write" (for a read-only deployment)."""

    async def on_list_tools(self, context: MiddlewareContext, call_next):
        tools = await call_next(context)
        return [tool for tool in tools if "write" not in tool.tags]

    async def on_call_tool(self, context: MiddlewareContext, call_next):
        if context.fastmcp_context is not None:
            tool = await context.fastmcp_context.fastmcp.get_tool(context.message.name)
            if tool is not None and "write" in tool.tags:
                # Reject by raising; returning an error value is not the MCP way.
                raise ToolError(f"{context.message.name} is disabled on this server")
        return await call_next(context)


class SessionGreeterMiddleware(Middleware):
    """Runs once per client session (2.13+). Raising after call_next here is only logged."""

    async def on_initialize(self, context: MiddlewareContext, call_next):
        result = await call_next(context)
        logger.info("client connected")
        return result


mcp = FastMCP(
    "Middleware Example",
    middleware=[
        ErrorHandlingMiddleware(include_traceback=False, transform_errors=True),
        RateLimitingMiddleware(max_requests_per_second=10.0, burst_capacity=20),
        TimingMiddleware(),
        LoggingMiddleware(include_payloads=True, max_payload_length=500),
    ],
)
# add_middleware appends: these run inside the built-ins above.
mcp.add_middleware(AuditMiddleware())
mcp.add_middleware(ReadOnlyMiddleware())
mcp.add_middleware(SessionGreeterMiddleware())


@mcp.tool(tags={"read"})
def list_notes() -> list[str]:
    """List the titles of all notes."""
    return ["groceries", "ideas"]


@mcp.tool(tags={"write"})
def delete_note(title: str) -> str:
    """Delete a note (blocked by ReadOnlyMiddleware)."""
    return f"Deleted {title}"


if __name__ == "__main__":
    mcp.run()
