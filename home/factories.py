import datetime

import wagtail_factories

from .models import GeneralPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Co-production Hub"
    introduction = "We are people with lived experience of care and caring."

    class Meta:
        model = HomePage


class GeneralPageFactory(wagtail_factories.PageFactory):
    title = "About this website"
    summary = "Who runs this website and how to reach us."
    last_reviewed = datetime.date(2026, 1, 5)

    class Meta:
        model = GeneralPage
