"""URLs of the REST API (``/api/v1/…``).

Ids in paths are matched as strings and parsed by the views, so that a malformed id is a JSON
400 rather than the site's HTML 404.
"""

from django.urls import include, path

from annotations.api.views import annotations, articles, jobs, sources, transitions

app_name = "api"

urlpatterns = [
    path("articles/", articles.ArticleCollectionView.as_view(), name="articles"),
    path("articles/lookup/", articles.ArticleLookupView.as_view(), name="article-lookup"),
    path("articles/<str:article_id>/", articles.ArticleDetailView.as_view(), name="article"),
    path(
        "articles/<str:article_id>/sign-off/",
        transitions.SignOffView.as_view(),
        name="article-sign-off",
    ),
    path(
        "articles/<str:article_id>/reopen/",
        transitions.ReopenArticleView.as_view(),
        name="article-reopen",
    ),
    path(
        "articles/<str:article_id>/crosscheck-jobs/",
        jobs.StartCrosscheckView.as_view(),
        name="crosscheck-start",
    ),
    path("crosscheck-jobs/<str:job_id>/", jobs.CrosscheckJobView.as_view(), name="crosscheck-job"),
    path(
        "sentences/<str:sentence_id>/annotation/",
        annotations.AnnotationView.as_view(),
        name="annotation",
    ),
    path(
        "sentences/<str:sentence_id>/annotation/submit/",
        annotations.SubmitView.as_view(),
        name="annotation-submit",
    ),
    path(
        "sentences/<str:sentence_id>/annotation/approve/",
        annotations.ApproveView.as_view(),
        name="annotation-approve",
    ),
    path(
        "sentences/<str:sentence_id>/annotation/request-changes/",
        annotations.RequestChangesView.as_view(),
        name="annotation-request-changes",
    ),
    path(
        "sentences/<str:sentence_id>/annotation/withdraw/",
        annotations.WithdrawView.as_view(),
        name="annotation-withdraw",
    ),
    path(
        "sentences/<str:sentence_id>/annotation/reopen/",
        annotations.ReopenSentenceView.as_view(),
        name="annotation-reopen",
    ),
    path(
        "sentences/<str:sentence_id>/crosschecks/",
        jobs.SentenceCrosschecksView.as_view(),
        name="sentence-crosschecks",
    ),
    path(
        "sentences/<str:sentence_id>/attributions/",
        annotations.AttributionCollectionView.as_view(),
        name="attributions",
    ),
    path(
        "attributions/<str:attribution_id>/",
        annotations.AttributionView.as_view(),
        name="attribution",
    ),
    path(
        "attributions/<str:attribution_id>/accept/",
        annotations.AcceptAttributionView.as_view(),
        name="attribution-accept",
    ),
    path("sources/", sources.SourceCollectionView.as_view(), name="sources"),
    path("sources/<str:source_id>/", sources.SourceDetailView.as_view(), name="source"),
    path("", include("annotations.api.export_urls")),
]
