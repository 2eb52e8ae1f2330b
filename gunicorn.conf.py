"""gunicorn settings: `gunicorn -c gunicorn.conf.py dashboard.wsgi:server`.

Each value can be overridden with the usual GUNICORN_CMD_ARGS or command-line flags.
"""

import multiprocessing
import os

bind = os.environ.get("DASHBOARD_BIND", "127.0.0.1:8000")
# (2 x cores) + 1, capped: the gunicorn design notes' rule for sync workers
workers = int(os.environ.get("DASHBOARD_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 12)))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
keepalive = 5
# the longest request line gunicorn accepts (its own maximum): a shared link with tracking parameters added
# reaches the app, which drops what the page does not use (a 414 from gunicorn beyond it)
limit_request_line = 8190
# restart workers now and then to bound memory growth; jitter staggers the restarts
max_requests = 1000
max_requests_jitter = 100
# load and validate the dataset once in the master; workers share it copy-on-write
preload_app = True
accesslog = "-"
errorlog = "-"
