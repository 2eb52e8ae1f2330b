"""Production hardening: security headers, a request-size limit and a callback-request guard."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from dash import Dash
from flask import Response, request
from flask_talisman import Talisman

MAX_REQUEST_BYTES = 2 * 1024 * 1024
CALLBACK_PATH = "/_dash-update-component"


def csp(script_hashes: Sequence[str]) -> dict[str, str | list[str]]:
    """The Content-Security-Policy: scripts only from this origin plus Dash's inline hashes."""
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *script_hashes],
        # dash-renderer, dcc and AG Grid inject styles at run time
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def _bad_request(message: str, status: int = 400) -> Response:
    return Response(json.dumps({"error": message}), status=status, mimetype="application/json")


# The deepest nesting of arrays and objects a request body may have: the page's own callbacks send about 6
# levels (a store of quotes inside the inputs); deeper bodies are refused before anything else reads them.
MAX_JSON_DEPTH = 32


def json_depth_exceeds(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether `value` (parsed JSON) nests arrays and objects deeper than `limit`; iterative, so any depth is
    measured without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def read_json_body() -> tuple[Any, str | None]:
    """(the request's JSON body or None, a problem or None). A body nested past what the JSON parser can follow,
    or past MAX_JSON_DEPTH, is a problem, never an error of the server."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        return None, f"the JSON body is nested too deeply (at most {MAX_JSON_DEPTH} levels)"
    if json_depth_exceeds(body):
        return None, f"the JSON body is nested too deeply (at most {MAX_JSON_DEPTH} levels)"
    return body, None


def callback_request_problem(body: Any, known_outputs: dict[str, dict]) -> str | None:
    """Why a callback request is malformed, or None when its shape is acceptable."""
    if not isinstance(body, dict):
        return "the request body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in known_outputs:
        return "unknown or missing 'output'"
    if "callback" not in known_outputs[output]:
        return "this callback runs in the browser, not on the server"
    if not isinstance(body.get("outputs"), (dict, list)):
        return "'outputs' must be an object or a list"
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, (dict, list)) for i in items):
            return f"'{key}' must be a list of {{id, property, value}} objects"
        expected = known_outputs[output].get(key, [])
        if len(items) != len(expected):
            return f"'{key}' must have {len(expected)} item(s) for this callback"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "'changedPropIds' must be a list of strings"
    return None


def harden(app: Dash) -> None:
    """Headers on every response, a body-size limit (413) and a 400 for malformed callbacks."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    Talisman(
        server,
        force_https=False,  # TLS ends at the proxy; see the README's deployment notes
        strict_transport_security=False,
        session_cookie_secure=False,
        frame_options="DENY",
        referrer_policy="no-referrer",
        content_security_policy=csp(app.csp_hashes()),
        x_content_type_options=True,
    )

    @server.before_request
    def guard_callbacks() -> Response | None:
        if request.content_length is not None and request.content_length > MAX_REQUEST_BYTES:
            return _bad_request("request body too large", 413)
        if request.path != CALLBACK_PATH:
            # no other endpoint reads a body; one sent as JSON is still checked, so none can fail deep inside
            problem = read_json_body()[1] if request.is_json and request.content_length else None
            return _bad_request(problem) if problem else None
        if request.method != "POST":
            return _bad_request("callbacks are POST requests", 405)
        body, problem = read_json_body()
        problem = problem or callback_request_problem(body, app.callback_map)
        return _bad_request(problem) if problem else None

    @server.errorhandler(500)
    def internal_error(_err: Exception) -> Response:
        return _bad_request("internal error; nothing was changed", 500)

    @server.errorhandler(413)
    def too_large(_err: Exception) -> Response:
        return _bad_request("request body too large", 413)
