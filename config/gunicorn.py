"""gunicorn for `make run` and bench/wire.py: 2 worker processes of 4 threads each.

Threads (gthread) keep a slow answer (a large download being built) from holding a whole
worker: the other threads of that worker go on serving pages, most of them from the public
page cache. The worker count stays 2, as issue 8 measured; the bind address comes from the
command line. A first build of the largest download may take longer than gunicorn's 30 s
default, so the timeout is 5 minutes.
"""

workers = 2
worker_class = "gthread"
threads = 4
timeout = 300
accesslog = "-"
