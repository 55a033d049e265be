"""The Celery app. Workers: ``celery -A config worker``; beat: ``celery -A config beat``.

Without a broker configured (``CELERY_BROKER_URL`` / ``REDIS_URL`` unset) tasks run in-process
(``task_always_eager``), so a single command still works.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("sourcedesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Structured task logs (signal handlers) in every worker.
import config.observability  # noqa: E402,F401
