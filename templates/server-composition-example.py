# FastMCP template: server composition (FastMCP 3.x)
# snippet: $1 server-name = Main Server
"""Composing servers in FastMCP 3.x.

`mcp.mount(sub, namespace="weather")` exposes the sub-server's components live:
tools and prompts as `weather_<name>`, resources as `<scheme>://weather/<path>`.
3.x always runs a mounted server's lifespan and middleware.

2.x differences: the keyword is `prefix=` (3.x still accepts it with a deprecation warning);
`await mcp.import_server(sub, prefix)` copied components once (deprecated in 3.x: use mount);
`FastMCP.as_proxy(...)` is `create_proxy(...)` from `fastmcp.server` in 3.x.
"""

import os

from fastmcp import FastMCP
from fastmcp.server import create_proxy

weather = FastMCP("Weather")


@weather.tool
def forecast(city: str) -> str:
    """Tomorrow's forecast for a city."""
    return f"Sunny in {city}"


@weather.resource("weather://{city}/current")
def current(city: str) -> str:
    """Current conditions in a city."""
    return f"{city}: 21 C, clear"


calendar = FastMCP("Calendar")


@calendar.tool
def next_event() -> str:
    """The next event on the calendar."""
    return "Stand-up at 09:30"


mcp = FastMCP("Main Server")

# Tool `forecast` becomes `weather_forecast`; the resource becomes weather://weather/{city}/current.
mcp.mount(weather, namespace="weather")
mcp.mount(calendar, namespace="calendar")

# A remote MCP server (URL from the environment) mounted through a proxy.
UPSTREAM_MCP_URL = os.environ.get("UPSTREAM_MCP_URL")
if UPSTREAM_MCP_URL:
    mcp.mount(create_proxy(UPSTREAM_MCP_URL), namespace="upstream")


@mcp.tool
def ping() -> str:
    """Check that the main server is up."""
    return "pong"


if __name__ == "__main__":
    mcp.run()
