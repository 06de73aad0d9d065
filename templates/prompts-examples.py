# FastMCP template: prompts (FastMCP 3.x)
# snippet: $1 server-name = Prompts Examples
"""Prompt patterns for FastMCP 3.x.

3.x prompts return a str, a list of `Message` (or str), or a PromptResult.
2.x also accepted dicts and `PromptMessage` objects; 3.x raises TypeError for those.
"""

from typing import Annotated

from pydantic import Field

from fastmcp import Context, FastMCP
from fastmcp.prompts import Message

mcp = FastMCP("Prompts Examples")


# The simplest prompt: a string becomes one user message.
@mcp.prompt
def summarize(text: str) -> str:
    """Summarize a text in three sentences."""
    return f"Summarize the following text in three sentences:\n\n{text}"


# A conversation: several messages with roles.
@mcp.prompt(name="debug_session", tags={"engineering"})
def debug_session(error: str, language: str = "python") -> list[Message]:
    """Start a debugging conversation about an error message."""
    return [
        Message(f"I'm getting this {language} error:\n\n{error}"),
        Message("Let's work through it. What changed just before it started?", role="assistant"),
        Message("Nothing obvious. Where should I look first?"),
    ]


# Arguments travel as strings on the wire; FastMCP converts them to the annotated types.
@mcp.prompt
def plan_sprint(
    goal: Annotated[str, Field(description="What the sprint should achieve")],
    days: Annotated[int, Field(description="Sprint length in days", ge=1, le=30)] = 10,
) -> str:
    """Draft a sprint plan."""
    return f"Draft a {days}-day sprint plan whose goal is: {goal}"


# Prompts may be async and take a Context.
@mcp.prompt
async def explain_resource(uri: str, ctx: Context) -> list[Message]:
    """Explain the contents of a resource on this server."""
    await ctx.info(f"Building a prompt around {uri}")
    return [Message(f"Explain what the resource {uri} contains and how to use it.")]


if __name__ == "__main__":
    mcp.run()
