"""A weather MCP server with a few mistakes that fastmcp-lint catches.

Run `npx fastmcp-lint examples/weather-server` (or `npm run example`) to see them.
"""

import os
import time
from datetime import datetime

import httpx
from fastmcp import Context, FastMCP

mcp = FastMCP("Weather")

API_BASE = "https://api.weather.example/v1"
API_KEY = os.environ.get("WEATHER_API_KEY", "")


@mcp.tool
async def current_conditions(city: str, ctx: Context) -> dict:
    """Current temperature and sky for a city."""
    ctx.info(f"Looking up {city}")  # not awaited: the log never reaches the client
    async with httpx.AsyncClient() as client:
        r = await client.get(f"{API_BASE}/current", params={"q": city, "key": API_KEY})
    return r.json()


@mcp.tool
async def forecast(city: str, days: int, context) -> list[dict]:
    """Daily forecast for the next few days."""
    await context.report_progress(0, days)
    time.sleep(0.5)  # blocks the event loop for every other request
    return [{"day": d, "city": city} for d in range(days)]


@mcp.resource("config")
def server_config() -> str:
    """Static settings clients can read."""
    return f'{{"units": "metric", "generated": "{datetime.utcnow().isoformat()}"}}'


@mcp.resource("weather://{city}/alerts")
def alerts(region: str) -> str:
    """Active weather alerts for a region."""
    return f"No alerts for {region}"


@mcp.prompt
def packing_list(city: str, days: int) -> str:
    return f"What should I pack for {days} days in {city}?"


if __name__ == "__main__":
    print("Starting weather server")
    mcp.run(transport="streamable_http", port=8000)
