# FastMCP template: error handling (FastMCP 3.x)
# snippet: $1 server-name = Error Handling Example
"""Error handling in FastMCP 3.x.

- Raise `ToolError` / `ResourceError` / `PromptError` (fastmcp.exceptions) for errors the client
  should see: their message is always sent.
- With `mask_error_details=True` any other exception reaches the client as a generic error, so
  internal details (paths, SQL, stack traces) stay on the server.
- Input is validated against the annotations before your function runs; constraints in
  `Field(...)` reject bad input with a validation error. `strict_input_validation=True` (2.13+)
  also turns off coercion such as "10" -> 10.
- ErrorHandlingMiddleware logs errors and converts them to MCP errors; RetryMiddleware retries
  transient failures (ConnectionError, TimeoutError by default).
"""

import json
import logging
from typing import Annotated

from pydantic import Field

from fastmcp import Context, FastMCP
from fastmcp.exceptions import PromptError, ResourceError, ToolError
from fastmcp.server.middleware.error_handling import ErrorHandlingMiddleware, RetryMiddleware

logger = logging.getLogger("error-handling-example")

mcp = FastMCP(
    "Error Handling Example",
    mask_error_details=True,
    middleware=[
        ErrorHandlingMiddleware(include_traceback=False, transform_errors=True),
        RetryMiddleware(max_retries=3, retry_exceptions=(ConnectionError, TimeoutError)),
    ],
)

INVENTORY = {"apple": 3, "pear": 0}


@mcp.tool
def reserve(
    item: Annotated[str, Field(min_length=1, max_length=50)],
    quantity: Annotated[int, Field(ge=1, le=100)] = 1,
) -> str:
    """Reserve items from the inventory."""
    if item not in INVENTORY:
        # Shown to the client as-is.
        raise ToolError(f"Unknown item {item!r}; known items: {', '.join(sorted(INVENTORY))}")
    if INVENTORY[item] < quantity:
        raise ToolError(f"Only {INVENTORY[item]} {item} left")
    INVENTORY[item] -= quantity
    return f"Reserved {quantity} {item}"


@mcp.tool
async def risky_operation(ctx: Context) -> str:
    """An operation whose unexpected failures are masked for the client."""
    try:
        raise RuntimeError("database password rejected for user 'svc'")
    except RuntimeError:
        # Full details in the server log; the client only sees a generic error.
        logger.exception("risky_operation failed")
        await ctx.error("risky_operation failed")
        raise


@mcp.resource("inventory://{item}")
def inventory_item(item: str) -> str:
    """Stock level of one item."""
    if item not in INVENTORY:
        raise ResourceError(f"No inventory record for {item!r}")
    return json.dumps({"item": item, "stock": INVENTORY[item]})


@mcp.prompt
def restock_request(item: str) -> str:
    """Draft a restock request for an item."""
    if item not in INVENTORY:
        raise PromptError(f"Cannot draft a request for unknown item {item!r}")
    return f"Write a short restock request for {item}; current stock is {INVENTORY[item]}."


if __name__ == "__main__":
    mcp.run()
