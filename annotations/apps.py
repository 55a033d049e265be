from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AnnotationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "annotations"
    verbose_name = "Sourcing"

    def ready(self) -> None:
        from annotations.roles import ensure_roles
        from annotations.signals import webhook_attempt_due
        from annotations.tasks import queue_webhook_attempt

        post_migrate.connect(ensure_roles, sender=self)
        webhook_attempt_due.connect(
            queue_webhook_attempt, dispatch_uid="annotations.queue_webhook_attempt"
        )
