from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.health import health


def favicon(request: HttpRequest) -> HttpResponse:
    """The desk's icon, at its static address (hashed in production, so looked up per call)."""
    return redirect(static("desk/favicon.svg"))


urlpatterns = [
    path("", RedirectView.as_view(url="/desk/", permanent=False)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("desk/", include("annotations.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("annotations.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The docs are a page for people: a logged-out visitor logs in and comes back (the schema
    # and the API answer 401 to a client without credentials).
    path(
        "api/docs/",
        login_required(SpectacularSwaggerSplitView.as_view(url_name="schema")),
        name="api-docs",
    ),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin, the API docs).
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", health, name="health"),
]
