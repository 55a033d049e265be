"""URLs of the exports (W3C Web Annotation, schema.org ClaimReview, CSV).

Ids are matched as strings and parsed by the views, as in :mod:`annotations.api.urls`.
"""

from django.urls import URLPattern, path

from annotations.api import exports

urlpatterns: list[URLPattern] = [
    path(
        "articles/<str:article_id>/export/web-annotation/",
        exports.WebAnnotationExportView.as_view(),
        name="article-export-web-annotation",
    ),
    path(
        "articles/<str:article_id>/export/claim-review/",
        exports.ClaimReviewExportView.as_view(),
        name="article-export-claim-review",
    ),
    path(
        "articles/<str:article_id>/export/csv/",
        exports.CSVExportView.as_view(),
        name="article-export-csv",
    ),
]
