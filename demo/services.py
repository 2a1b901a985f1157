from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from .accounts import contact_details_load, demo_accounts_load
from .channel_content import channel_load
from .charter_content import charter_load
from .easy_read_content import easy_read_load
from .heard_content import heard_load
from .home_content import home_page_load
from .intranet_content import life_load, plans_load, skills_load
from .library_content import library_load
from .meetings_content import meetings_load, what_we_did_load
from .networks_content import networks_load, networks_page_load
from .notifications_content import notifications_load
from .opportunities_content import opportunities_load
from .owed_pages_content import owed_pages_load
from .people import profiles_load
from .projects_content import projects_load, projects_page_load
from .reflections_content import reflections_load
from .report_content import report_words_load
from .stories_content import sections_load, stories_load
from .welsh_content import welsh_load
from .writing_content import writing_load


@transaction.atomic
def demo_content_load() -> None:
    if not settings.DEMO_CONTENT_ALLOWED:
        raise ImproperlyConfigured(
            "Demo content is not allowed with these settings (production?)."
        )
    demo_accounts_load()
    home = home_page_load()
    profiles = profiles_load()
    sections = sections_load(home)
    stories_load(sections["stories"], profiles)
    library_load(sections["library"])
    what_we_did_load(home)
    networks_page_load(home)
    projects_page_load(home)
    easy_read_load(home)
    owed_pages_load(home)
    contact_details_load()
    charter_load()
    skills_load()
    plans_load()
    life_load()
    opportunities_load()
    meetings_load()
    networks_load()
    heard_load()  # after meetings: who answered about which
    reflections_load()  # after opportunities: changes name their work
    channel_load()
    projects_load()  # after opportunities and meetings: projects link to them
    report_words_load()
    notifications_load()
    writing_load()  # after notification preferences: it notifies people
    welsh_load()  # last: Welsh versions of pages the demo made in English
