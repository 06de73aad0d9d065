# FastMCP template: icons (FastMCP 3.x)
# snippet: $1 server-name = Icons Example
"""Icons (2.13+) are `mcp.types.Icon(src=..., mimeType=..., sizes=[...])` (not importable from
`fastmcp`). `src` is a URL or a data URI. For a local image file,
`fastmcp.utilities.types.Image(path=...).to_data_uri()` (2.13.1+) builds the data URI.
"""

import base64
from pathlib import Path

from mcp.types import Icon

from fastmcp import FastMCP
from fastmcp.utilities.types import Image

# A small inline SVG turned into a data URI.
BADGE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#2f6feb"/></svg>'
BADGE_ICON = Icon(
    src="data:image/svg+xml;base64," + base64.b64encode(BADGE_SVG.encode()).decode(),
    mimeType="image/svg+xml",
    sizes=["any"],
)

# A PNG shipped next to this file, if there is one.
LOGO_PATH = Path(__file__).parent / "logo.png"
LOGO_ICONS = (
    [Icon(src=Image(path=LOGO_PATH).to_data_uri(), mimeType="image/png", sizes=["48x48"])]
    if LOGO_PATH.exists()
    else []
)

mcp = FastMCP(
    "Icons Example",
    website_url="https://example.com",
    icons=[Icon(src="https://example.com/icon-96.png", mimeType="image/png", sizes=["96x96"]), *LOGO_ICONS],
)


@mcp.tool(icons=[BADGE_ICON])
def status() -> str:
    """Report the service status."""
    return "All systems operational"


@mcp.resource("docs://readme", icons=[BADGE_ICON])
def readme() -> str:
    """The project README."""
    return "# Icons Example"


@mcp.prompt(icons=[BADGE_ICON])
def describe_icon(name: str) -> str:
    """Ask for a short description of an icon."""
    return f"Describe the icon called {name} in one sentence."


if __name__ == "__main__":
    mcp.run()
