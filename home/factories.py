import wagtail_factories

from .models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Co-production Hub"
    introduction = "We are people with lived experience of care and caring."

    class Meta:
        model = HomePage
