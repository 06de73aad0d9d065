# FastMCP template: tools (FastMCP 3.x)
# snippet: $1 server-name = Tools Examples
"""Tool patterns for FastMCP 3.x.

Every tool gets a docstring: the model chooses tools by their descriptions.
"""

import asyncio
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from fastmcp import Context, FastMCP
from fastmcp.exceptions import ToolError

mcp = FastMCP("Tools Examples")


# A plain sync tool. 3.x runs sync tools in a thread pool; 2.x ran them on the event loop,
# so there a slow sync tool blocked every other request.
@mcp.tool
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


# Per-parameter descriptions and constraints go into the input schema.
@mcp.tool
def convert_temperature(
    value: Annotated[float, Field(description="The temperature to convert")],
    unit: Annotated[Literal["C", "F"], Field(description="The unit of `value`")] = "C",
) -> float:
    """Convert a temperature between Celsius and Fahrenheit."""
    return value * 9 / 5 + 32 if unit == "C" else (value - 32) * 5 / 9


class SearchQuery(BaseModel):
    text: str = Field(min_length=1)
    limit: int = Field(default=10, ge=1, le=100)


@dataclass
class SearchHit:
    title: str
    score: float


# A BaseModel parameter becomes a nested object; a dataclass return type becomes the
# tool's output schema and the result is sent as structured content.
@mcp.tool(
    name="search_documents",
    tags={"search"},
    annotations={"readOnlyHint": True, "openWorldHint": False},
)
def search_documents(query: SearchQuery) -> list[SearchHit]:
    """Search the document index and return the best matches."""
    corpus = ["FastMCP tools", "FastMCP resources", "FastMCP prompts"]
    hits = [SearchHit(title=t, score=1.0) for t in corpus if query.text.lower() in t.lower()]
    return hits[: query.limit]


# An async tool with Context: logging to the client and progress reports.
# Every Context method used here is async and must be awaited.
@mcp.tool
async def process_items(items: list[str], ctx: Context) -> dict[str, int]:
    """Process a list of items, reporting progress to the client."""
    await ctx.info(f"Processing {len(items)} items")
    for index, item in enumerate(items, start=1):
        await asyncio.sleep(0.1)  # stands in for real async work; never time.sleep in async code
        await ctx.report_progress(progress=index, total=len(items), message=f"Processed {item}")
    await ctx.debug("Done")
    return {"processed": len(items)}


# Errors: raise ToolError with a message meant for the client. Other exceptions are
# reported too, but their details are hidden when the server uses mask_error_details=True.
@mcp.tool
def divide(numerator: float, denominator: float) -> float:
    """Divide one number by another."""
    if denominator == 0:
        raise ToolError("Cannot divide by zero")
    return numerator / denominator


# 3.x only: a per-tool timeout in seconds (2.x has no `timeout=`).
@mcp.tool(timeout=30)
async def slow_lookup(key: str, ctx: Context) -> str:
    """Look up a key in a slow backend (cancelled after 30 seconds)."""
    await ctx.info(f"Looking up {key}")
    await asyncio.sleep(1)
    return key.upper()


if __name__ == "__main__":
    mcp.run()
