from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from annotations.models import Annotation, Article

pytestmark = pytest.mark.django_db


def test_demo_creates_role_users_with_printed_passwords_and_the_seed_article():
    out = StringIO()
    call_command("demo", stdout=out)
    lines = {line.split()[0]: line.split() for line in out.getvalue().splitlines() if "(" in line}
    # each printed password logs its user in, and each user has their role
    for username in ("editor", "reviewer", "admin"):
        user = authenticate(username=username, password=lines[username][1])
        assert user is not None and user.groups.exists()
    article = Article.objects.get(role="draft")
    assert Article.objects.filter(role="reference").count() >= 3  # the demo's reference reports
    assert Annotation.objects.filter(sentence__article=article).exists()
    assert f"/desk/articles/{article.pk}/" in out.getvalue()


def test_demo_banner_names_the_address_it_serves(settings):
    settings.SOURCEDESK_BASE_URL = "http://127.0.0.1:8101"
    out = StringIO()
    call_command("demo", stdout=out)
    banner = out.getvalue()
    assert "http://127.0.0.1:8101/desk/articles/" in banner
    assert ":8000" not in banner
