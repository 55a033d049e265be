"""URLs of the editorial desk (``/desk/…``)."""

from django.urls import path

from annotations.views import actions, pages, sources

app_name = "desk"

urlpatterns = [
    path("", pages.article_list, name="articles"),
    path("articles/<int:article_id>/", pages.article_page, name="article"),
    path("articles/<int:article_id>/summary/", pages.article_summary, name="summary"),
    path("articles/<int:article_id>/text/", pages.article_text, name="article_text"),
    path("articles/<int:article_id>/sign-off/", pages.sign_off, name="sign_off"),
    path("articles/<int:article_id>/reopen/", pages.reopen_article, name="reopen_article"),
    path(
        "articles/<int:article_id>/crosscheck/",
        pages.crosscheck_status,
        name="crosscheck_status",
    ),
    path(
        "articles/<int:article_id>/crosscheck/start/",
        pages.crosscheck_start,
        name="crosscheck_start",
    ),
    path("sentences/<int:sentence_id>/panel/", pages.sentence_panel, name="panel"),
    path(
        "sentences/<int:sentence_id>/attributions/",
        actions.save_attribution,
        name="save_attribution",
    ),
    path("sentences/<int:sentence_id>/comments/", actions.add_comment, name="add_comment"),
    path("annotations/<int:annotation_id>/", actions.update_annotation, name="update"),
    path("annotations/<int:annotation_id>/submit/", actions.submit, name="submit"),
    path("annotations/<int:annotation_id>/approve/", actions.approve, name="approve"),
    path(
        "annotations/<int:annotation_id>/request-changes/",
        actions.request_changes,
        name="request_changes",
    ),
    path("annotations/<int:annotation_id>/reopen/", actions.reopen_annotation, name="reopen"),
    path("annotations/<int:annotation_id>/withdraw/", actions.withdraw, name="withdraw"),
    path(
        "attributions/<int:attribution_id>/accept/",
        actions.accept_attribution,
        name="accept_attribution",
    ),
    path(
        "attributions/<int:attribution_id>/remove/",
        actions.remove_attribution,
        name="remove_attribution",
    ),
    path("review/", pages.review_queue, name="review"),
    path("review/approve/", actions.approve_selected, name="approve_selected"),
    path("sources/search/", sources.search, name="source_search"),
    path("sources/new/", sources.create, name="source_create"),
]
