"""The library: resource types, filters, documents, training courses."""

import pytest
from django.core.exceptions import ValidationError

from library.models import LibraryIndexPage, ResourcePage, TrainingStepPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(demo_site):
    return LibraryIndexPage.objects.get(locale__language_code="en-gb")


def listed(response):
    return list(response.context["resources"])


def test_the_demo_library_has_every_type(library):
    types = set(ResourcePage.objects.values_list("resource_type", flat=True))
    assert types == set(ResourcePage.Type.values)
    assert ResourcePage.objects.count() >= 20


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("type=training", "resource_type", "training"),
        ("audience=researchers", "audience", "researchers"),
        ("nation=wales", "nation", "wales"),
    ],
)
def test_filters_keep_only_matching_resources(client, library, query, field, value):
    resources = listed(client.get(f"{library.url}?{query}"))
    assert resources
    assert all(getattr(resource, field) == value for resource in resources)


def test_filters_combine(client, library):
    resources = listed(client.get(library.url + "?type=link&topic=unpaid-carers"))
    assert {r.title for r in resources} >= {"Carers Week", "Carers Trust Wales"}
    assert all(r.resource_type == "link" for r in resources)


@pytest.mark.parametrize(
    "query", ["type=podcast", "topic=nope", "audience=aliens", "page=-1"]
)
def test_unknown_filters_show_the_library_with_a_message(client, library, query):
    response = client.get(f"{library.url}?{query}")
    assert response.status_code == 200
    assert "message--notice" in response.content.decode()
    assert listed(response)


def test_a_document_link_says_its_file_type_and_size(client, library):
    content = client.get(
        ResourcePage.objects.get(slug="our-charter").url
    ).content.decode()
    assert "Download: Our Charter" in content
    assert "(PDF, " in content
    assert "bytes)" in content


def test_a_resource_says_who_made_it_and_when_it_was_reviewed(client, library):
    content = client.get(
        ResourcePage.objects.get(slug="carers-week").url
    ).content.decode()
    assert "Made by" in content
    assert "Last reviewed" in content
    assert "January 2024" in content


def test_a_training_course_walks_through_its_steps_in_order(client, library):
    course = ResourcePage.objects.get(slug="co-production-in-five-steps")
    steps = list(course.steps())
    assert [s.title for s in steps][:2] == ["Start with the people", "Share power"]
    first = client.get(steps[0].url).content.decode()
    assert "Step 1 of 5" in first
    assert f'href="{steps[1].url}" rel="next"' in first
    last = client.get(steps[-1].url).content.decode()
    assert "You have finished" in last


@pytest.mark.parametrize(
    ("resource_type", "field"),
    [("link", "external_url"), ("document", "document"), ("video", "media")],
)
def test_a_resource_must_have_what_its_type_needs(library, resource_type, field):
    resource = ResourcePage.objects.filter(resource_type=resource_type).first()
    setattr(resource, field, "" if field == "external_url" else None)
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert field in error.value.message_dict


def test_steps_live_only_under_a_resource():
    assert TrainingStepPage.allowed_parent_page_models() == [ResourcePage]


@pytest.mark.parametrize("query", ["", "?type=document&audience=everyone", "?page=2"])
def test_the_library_uses_a_bounded_number_of_queries(
    client, library, django_assert_max_num_queries, query
):
    client.get(library.url + query)
    with django_assert_max_num_queries(20):
        assert client.get(library.url + query).status_code == 200
