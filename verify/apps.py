from django.apps import AppConfig


class VerifyConfig(AppConfig):
    """The cross-check worker: jobs, tasks, retrieval and commands, built on ``annotations``.

    ``verify.engine`` (the text analysis) never imports Django. ``annotations`` never imports
    this app: a job it queues reaches the worker through ``annotations.signals``, whose
    receiver is connected here.
    """

    name = "verify"
    verbose_name = "Verification"

    def ready(self) -> None:
        from annotations.signals import crosscheck_queued
        from verify import (
            checks,  # noqa: F401  (registers the system checks)
            lookups,  # noqa: F401  (registers ``__any``)
        )
        from verify.tasks import send_queued_job

        crosscheck_queued.connect(send_queued_job, dispatch_uid="verify.send_queued_job")
