"""URLs of the REST API (``/api/v1/…``)."""

from django.urls import include, path

app_name = "api"

urlpatterns = [
    path("", include("annotations.api.export_urls")),
]
