"""The source registry as the side panel needs it: search by name or alias, add an entry."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from annotations import selectors
from annotations.forms import SourceForm
from annotations.models import Source
from annotations.services.registry import create_source
from annotations.views._common import desk_view, forbidden

ERR_CANNOT_ADD_SOURCE = "Only editors can add sources to the registry."


def source_json(source: Source) -> dict[str, object]:
    return {
        "id": source.pk,
        "name": source.name,
        "kind": source.kind,
        "kind_label": source.get_kind_display(),
        "aliases": [alias.name for alias in source.aliases.all()],
    }


@require_GET
@desk_view
def search(request: HttpRequest) -> JsonResponse:
    """``?q=`` → up to a dozen sources whose name or alias contains it."""
    found = selectors.search_sources(request.GET.get("q", ""))
    return JsonResponse({"results": [source_json(source) for source in found]})


@require_POST
@desk_view
def create(request: HttpRequest) -> HttpResponse:
    """Add a source to the registry (anonymous ones with the newsroom's standards fields)."""
    if not request.user.has_perm("annotations.add_source"):
        return forbidden(request, ERR_CANNOT_ADD_SOURCE)
    form = SourceForm(request.POST)
    if not form.is_valid():
        errors = [str(message) for messages in form.errors.values() for message in messages]
        return JsonResponse({"ok": False, "error": " ".join(errors)}, status=400)
    try:
        source = create_source(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
    except PermissionDenied as exc:
        return forbidden(request, str(exc))
    except ValueError as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=400)
    return JsonResponse({"ok": True, "source": source_json(source)}, status=201)
