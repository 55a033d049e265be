"""URLs of the exports (W3C Web Annotation, schema.org ClaimReview, CSV)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
