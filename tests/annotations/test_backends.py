"""The one-query permission backend answers exactly as Django's ModelBackend does."""

from __future__ import annotations

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser, Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.backends import ModelPermissionsBackend

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)  # no permission cache yet


@pytest.fixture
def people():
    own = User.objects.create_user("own")
    own.user_permissions.add(Permission.objects.get(codename="add_source"))
    grouped = User.objects.create_user("grouped")
    grouped.groups.add(Group.objects.get(name="reviewer"))
    both = User.objects.create_user("both")
    both.user_permissions.add(Permission.objects.get(codename="review_annotation"))
    both.groups.add(Group.objects.get(name="reviewer"), Group.objects.get(name="editor"))
    inactive = User.objects.create_user("inactive", is_active=False)
    inactive.groups.add(Group.objects.get(name="editor"))
    boss = User.objects.create_superuser("boss")
    nobody = User.objects.create_user("nobody")
    return [own, grouped, both, inactive, boss, nobody]


def test_the_same_permissions_as_model_backend(people):
    for user in people:
        expected = ModelBackend().get_all_permissions(fresh(user))
        assert ModelPermissionsBackend().get_all_permissions(fresh(user)) == expected, user
    assert ModelPermissionsBackend().get_all_permissions(AnonymousUser()) == set()
    assert "annotations.add_source" in ModelPermissionsBackend().get_all_permissions(
        fresh(people[0])
    )


def test_one_query_then_cached_on_the_user(people):
    user = fresh(people[2])
    backend = ModelPermissionsBackend()
    with CaptureQueriesContext(connection) as queries:
        assert backend.has_perm(user, "annotations.review_annotation")
        assert backend.has_perm(user, "annotations.annotate_sentence")
        assert not backend.has_perm(user, "auth.delete_user")
    assert len(queries) == 1


def test_it_is_the_backend_in_use(people):
    user = fresh(people[2])
    with CaptureQueriesContext(connection) as queries:
        assert user.has_perm("annotations.sign_off_article")
        assert not user.has_perm("auth.delete_user")
    assert len(queries) == 1  # ModelBackend takes two
    assert not fresh(people[0]).has_perm("annotations.sign_off_article")
    assert not fresh(people[3]).has_perm("annotations.annotate_sentence")
