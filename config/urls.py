from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url="/desk/", permanent=False)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("desk/", include("annotations.urls")),
    path("admin/", admin.site.urls),
]
