"""The WSGI app for gunicorn: `gunicorn dashboard.wsgi:server` (data: $DASHBOARD_DATA, else the bundled data/).

gunicorn loads it once in its master (preload) and forks the workers from there: the data is read in a separate
process, so no database engine is ever started in the master and the workers inherit plain frames only.
"""

from dashboard.app import create_app
from dashboard.serving import freeze_start_up_objects

app = create_app(fork_safe=True)
server = app.server
freeze_start_up_objects()  # before the workers are forked
