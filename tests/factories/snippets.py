import factory
from factory.django import DjangoModelFactory

from pages.snippets import Agency, Audience, BloggerProfile, District, Topic


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"주제{n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class AudienceFactory(DjangoModelFactory):
    class Meta:
        model = Audience
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"대상{n}")
    slug = factory.Sequence(lambda n: f"audience-{n}")


class DistrictFactory(DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"자치구{n}")
    slug = factory.Sequence(lambda n: f"district-{n}")


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"가족지원기관{n}")
    phone = "02-2133-0000"


class BloggerProfileFactory(DjangoModelFactory):
    class Meta:
        model = BloggerProfile

    display_name = factory.Sequence(lambda n: f"블로거{n}")
    bio = factory.Faker("paragraph", locale="ko_KR")
