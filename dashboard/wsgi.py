"""The WSGI app for gunicorn: `gunicorn dashboard.wsgi:server` (data: $DASHBOARD_DATA, else the bundled data/)."""

from dashboard.app import create_app

app = create_app()
server = app.server
