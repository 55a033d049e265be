"""factory_boy factories for the desk's models."""

from __future__ import annotations

import factory
from django.contrib.auth.models import Group, User

from annotations.models import Article, Source
from annotations.services.ingest import ingest_document
from verify.engine.documents import Document


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.example")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def role(user: User, create: bool, extracted: str | None, **kwargs: object) -> None:
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))
        if create:
            user.save()


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    kind = Source.Kind.OUTLET


STORY_BODY = (
    "Talks will resume next week, the foreign minister said on Tuesday.\n"
    "The draft has 22 points, according to two officials familiar with the plan.\n"
    "Kyiv rejected three of them, a senior Ukrainian source told CNN.\n"
    "Follow our coverage on @example_news.\n"
)


def make_article(
    external_id: str = "story-1", body: str = STORY_BODY, role: str = "draft"
) -> Article:
    """A draft article ingested the way the desk ingests files (sentences, suggestions)."""
    document = Document(body=body, external_id=external_id, headline=f"Headline {external_id}")
    return ingest_document(document=document, role=role).article
