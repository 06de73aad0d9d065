# FastMCP template: self-contained server (FastMCP 3.x)
# snippet: $1 server-name = Notes Server
"""A single-file FastMCP server ready for FastMCP Cloud / Prefect Horizon or any host.

Deploy checklist this file already satisfies:
- module-level server named `mcp` (entrypoint `server.py:mcp`); `__main__` is only for local runs;
- no relative imports (the entrypoint is imported as a top-level module);
- configuration and secrets from environment variables (documented in .env.example);
- every third-party import declared in requirements.txt / pyproject.toml;
- shared resources opened once in the lifespan and closed in `finally`.

Local:  python server.py          (HTTP on 127.0.0.1:8000/mcp)
        fastmcp run server.py:mcp --transport http --port 8000
Check:  fastmcp inspect server.py:mcp
"""

import json
import logging
import os
from datetime import datetime, timezone

from fastmcp import Context, FastMCP
from fastmcp.exceptions import ResourceError, ToolError
from fastmcp.prompts import Message
from fastmcp.server.lifespan import lifespan
from fastmcp.server.middleware.error_handling import ErrorHandlingMiddleware
from fastmcp.server.middleware.timing import TimingMiddleware

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
MAX_NOTES = int(os.environ.get("MAX_NOTES", "1000"))

logging.basicConfig(level=LOG_LEVEL)
logger = logging.getLogger("notes")


@lifespan
async def notes_lifespan(server):
    """An in-memory store standing in for a database connection pool."""
    store: dict[str, dict[str, str]] = {}
    logger.info("notes store ready")
    try:
        yield {"notes": store}
    finally:
        store.clear()
        logger.info("notes store closed")


mcp = FastMCP(
    "Notes Server",
    instructions="Stores short notes. Use add_note to save, list_notes to browse.",
    lifespan=notes_lifespan,
    mask_error_details=True,
    middleware=[ErrorHandlingMiddleware(), TimingMiddleware()],
)


def notes_store(ctx: Context) -> dict[str, dict[str, str]]:
    return ctx.lifespan_context["notes"]


@mcp.tool
async def add_note(title: str, body: str, ctx: Context) -> str:
    """Save a note under a title (replaces an existing note with that title)."""
    notes = notes_store(ctx)
    if title not in notes and len(notes) >= MAX_NOTES:
        raise ToolError(f"The store is full ({MAX_NOTES} notes)")
    notes[title] = {"body": body, "updated": datetime.now(timezone.utc).isoformat()}
    await ctx.info(f"Saved note {title!r}")
    return f"Saved {title}"


@mcp.tool(annotations={"readOnlyHint": True})
def list_notes(ctx: Context) -> list[str]:
    """List the titles of all saved notes."""
    return sorted(notes_store(ctx))


@mcp.resource("notes://{title}", mime_type="application/json")
def read_note(title: str, ctx: Context) -> str:
    """One note as JSON."""
    note = notes_store(ctx).get(title)
    if note is None:
        raise ResourceError(f"No note titled {title!r}")
    return json.dumps({"title": title, **note})


@mcp.prompt
def summarize_notes(ctx: Context) -> list[Message]:
    """Ask the model to summarize every saved note."""
    notes = notes_store(ctx)
    listing = "\n".join(f"- {title}: {note['body']}" for title, note in sorted(notes.items()))
    return [Message(f"Summarize these notes in a short paragraph:\n{listing or '(no notes)'}")]


if __name__ == "__main__":
    mcp.run(transport="http", host="127.0.0.1", port=int(os.environ.get("PORT", "8000")))
