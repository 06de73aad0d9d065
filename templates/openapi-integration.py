# FastMCP template: OpenAPI integration (FastMCP 3.x)
# snippet: $1 server-name = Example API
"""Turn an existing REST API into an MCP server from its OpenAPI specification.

By default every route becomes a tool. Route maps (first match wins) turn GET routes into
resources or resource templates, or exclude routes.

3.x: import RouteMap/MCPType from `fastmcp.server.providers.openapi`
     (2.x: `fastmcp.server.openapi`, which 3.x still accepts with a deprecation warning).
     The provider form is `FastMCP("x", providers=[OpenAPIProvider(openapi_spec=spec, client=client)])`.
     Timeouts belong on the httpx client (2.x also took `timeout=`).
For a FastAPI app in the same process use `FastMCP.from_fastapi(app=app)` instead.
"""

import os

import httpx

from fastmcp import FastMCP
from fastmcp.server.providers.openapi import MCPType, RouteMap

API_BASE_URL = os.environ.get("API_BASE_URL", "https://api.example.com")
OPENAPI_SPEC_URL = os.environ.get("OPENAPI_SPEC_URL", f"{API_BASE_URL}/openapi.json")

# Authenticated client for the API; the token comes from the environment.
client = httpx.AsyncClient(
    base_url=API_BASE_URL,
    headers={"Authorization": f"Bearer {os.environ['API_TOKEN']}"},
    timeout=30.0,
)

# Loaded once at import time (a module-level, synchronous request is fine here: no event loop yet).
spec_response = httpx.get(OPENAPI_SPEC_URL, timeout=30.0)
spec_response.raise_for_status()
openapi_spec = spec_response.json()

mcp = FastMCP.from_openapi(
    openapi_spec=openapi_spec,
    client=client,
    name="Example API",
    route_maps=[
        # GET /users/{id} -> resource template
        RouteMap(methods=["GET"], pattern=r".*\{.*\}.*", mcp_type=MCPType.RESOURCE_TEMPLATE),
        # Other GET routes -> resources
        RouteMap(methods=["GET"], pattern=r".*", mcp_type=MCPType.RESOURCE),
        # Internal routes are not exposed at all
        RouteMap(pattern=r"^/internal/.*", mcp_type=MCPType.EXCLUDE),
        # Everything else (POST, PUT, DELETE, ...) stays a tool: the default.
    ],
)

if __name__ == "__main__":
    mcp.run()
