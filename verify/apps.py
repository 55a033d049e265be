from django.apps import AppConfig


class VerifyConfig(AppConfig):
    """Cross-check jobs, tasks and commands. The text-analysis modules of this package
    (segmentation, attribution, alignment, crosscheck) never import Django."""

    name = "verify"
    verbose_name = "Verification"
