"""The WSGI app for gunicorn: `gunicorn dashboard.wsgi:server` (data: $DASHBOARD_DATA or bundled)."""

from dashboard.app import create_app

app = create_app()
server = app.server
