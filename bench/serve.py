"""`python -m bench.serve project|plain PORT`: one app on Flask's development server (threaded), as a
person runs it, with each callback response carrying the server's time for it in `X-Server-Ms`."""

from __future__ import annotations

import logging
import sys
import time

from werkzeug.serving import run_simple

CALLBACK_PATH = "/_dash-update-component"


def timed(wsgi_app):
    """WSGI middleware: the time from request to response headers (the whole callback: Flask, Dash, JSON)."""

    def app(environ, start_response):
        if environ.get("PATH_INFO") != CALLBACK_PATH:
            return wsgi_app(environ, start_response)
        started = time.perf_counter()

        def start(status, headers, exc_info=None):
            headers = list(headers) + [("X-Server-Ms", f"{(time.perf_counter() - started) * 1000:.2f}")]
            return start_response(status, headers, exc_info)

        return wsgi_app(environ, start)

    return app


def build(name: str):
    if name == "project":
        from dashboard.app import create_app
    else:
        from bench.plain_app import create_app
    return create_app().server


def main(argv=None) -> int:
    name, port = (argv or sys.argv[1:])[:2]
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = build(name)
    server.wsgi_app = timed(server.wsgi_app)
    run_simple("127.0.0.1", int(port), server, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
