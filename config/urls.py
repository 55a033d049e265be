from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.health import health

urlpatterns = [
    path("", RedirectView.as_view(url="/desk/", permanent=False)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("desk/", include("annotations.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("annotations.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("healthz", health, name="health"),
]
