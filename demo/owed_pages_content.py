"""The pages every public site owes its readers: an accessibility statement
(in the UK public-sector model), a privacy notice and a cookies page. Each is
a general page right under the home page, with the slug the footer looks for
(core.content_generation.FOOTER_PAGE_SLUGS).

The figures in the privacy notice and the cookie names are the site's own
(cms/settings/base.py); tests/test_owed_pages.py checks they still agree."""

import datetime

from django.urls import reverse

from home.factories import GeneralPageFactory
from home.models import GeneralPage, HomePage

PREPARED = datetime.date(2026, 11, 2)
REVIEWED = datetime.date(2026, 11, 23)


def _heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _text(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def accessibility_body() -> list[dict]:
    ask = reverse("formats:ask")
    return [
        _heading("How accessible this website is"),
        _text(
            "<p>The Co-production Advisory Group runs this website. We want as "
            "many people as possible to be able to use it. You should be able "
            "to:</p>"
            "<ul>"
            "<li>change the text size, colours and font in <b>Reader settings</b>."
            "</li>"
            "<li>zoom in up to 400% without the text spilling off the screen.</li>"
            "<li>use the whole website with a keyboard alone.</li>"
            "<li>use it without JavaScript.</li>"
            "<li>use it with a screen reader, such as NVDA, JAWS or VoiceOver.</li>"
            "<li>read most pages on a screen 320 pixels wide.</li>"
            "<li>read an Easy Read version of some pages.</li>"
            "</ul>"
            "<p>We have written the pages in plain words.</p>"
        ),
        _heading("What is not yet accessible"),
        _text(
            "<p>We know some parts of the website are not fully accessible:</p>"
            "<ul>"
            "<li>The editor, where members write stories, is Wagtail's. Wagtail "
            "has some accessibility problems of its own, such as form fields "
            "with no name and buttons too small to press easily. We work around "
            "each one we know of and have told Wagtail about them. The editor "
            "needs JavaScript, unlike the rest of the website.</li>"
            "<li>We have not checked every PDF or Word document in the library. "
            "Some may be hard to use with a screen reader.</li>"
            "<li>Videos shown from other websites play in those websites' own "
            "players, which we do not control.</li>"
            "</ul>"
        ),
        _heading("If you need a page in another format"),
        _text(
            "<p>You can ask for any page in Easy Read, large print, audio, or "
            "as a call to talk it through. "
            f'<a href="{ask}">Ask for a page in another format</a>. Every page '
            "has this link at the bottom too. The engagement lead usually replies "
            "within two working days.</p>"
        ),
        _heading("Reporting accessibility problems with this website"),
        _text(
            "<p>We are always looking to improve. If you find a problem that is "
            "not listed on this page, or you think we are not meeting the "
            "accessibility requirements, tell our engagement lead. Use the "
            f'<a href="{ask}">another format form</a> and choose '
            "<b>Something else</b>, or email lead@example.org.</p>"
        ),
        _heading("Enforcement procedure"),
        _text(
            "<p>The Equality and Human Rights Commission (EHRC) is responsible "
            "for enforcing the Public Sector Bodies (Websites and Mobile "
            "Applications) (No. 2) Accessibility Regulations 2018. If you are "
            "not happy with how we respond to your complaint, "
            '<a href="https://www.equalityadvisoryservice.com/">contact the '
            "Equality Advisory and Support Service (EASS)</a>.</p>"
            "<p>If you live in Northern Ireland, contact the "
            '<a href="https://www.equalityni.org/Home">Equality Commission for '
            "Northern Ireland (ECNI)</a> instead.</p>"
        ),
        _heading("Technical information about this website's accessibility"),
        _text(
            "<p>This website is partially compliant with the "
            '<a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility '
            "Guidelines version 2.2</a> AA standard. This is because of the "
            "problems listed under <b>What is not yet accessible</b>.</p>"
        ),
        _heading("How we tested this website"),
        _text(
            "<p>Each time we change the website, tests check every page. "
            "They check it:</p>"
            "<ul>"
            "<li>with axe-core, on a desktop screen and a screen 320 pixels "
            "wide, and with each reader setting.</li>"
            "<li>with the Nu HTML Checker, for correct HTML.</li>"
            "<li>by keyboard alone: the focus must show at every step.</li>"
            "<li>without JavaScript, and in Windows high contrast.</li>"
            "</ul>"
            "<p>Members of the group also use the website in their own way. "
            "They tell us what is hard.</p>"
        ),
        _heading("Preparation of this accessibility statement"),
        _text(
            f"<p>This statement was prepared on {PREPARED:%-d %B %Y}. It was "
            f"last reviewed on {REVIEWED:%-d %B %Y}.</p>"
        ),
    ]


def privacy_body() -> list[dict]:
    download = reverse("members:profile_download")
    return [
        _heading("Who we are"),
        _text(
            "<p>The Co-production Advisory Group runs this website with the "
            "charity. The charity is responsible for the information the "
            "website holds. To ask anything about it, email lead@example.org."
            "</p>"
        ),
        _heading("What we hold about members"),
        _text(
            "<p>If you are a member of the group, the website holds:</p>"
            "<ul>"
            "<li>your name, email address and profile, and the photo you "
            "chose.</li>"
            "<li>the access and support needs you told us, so we can plan "
            "meetings and work you can take part in.</li>"
            "<li>your development plan, the work you signed up for, and your "
            "claims and receipts, so we can pay you and your expenses.</li>"
            "<li>your notifications, the emails we sent you and how often you "
            "want them.</li>"
            "<li>your reader settings, if you chose any.</li>"
            "<li>what you wrote in the channel, the topics and projects you "
            "follow, the meetings you went to, the reflections you proposed "
            "and your answers to “were we heard?”.</li>"
            "</ul>"
            "<p>Only you, the engagement lead and the staff who need it can see "
            "your support needs, plan and receipts. When someone else looks at "
            "them, the website records who looked and when.</p>"
        ),
        _heading("What we hold about supporters and staff"),
        _text(
            "<p>If you support a member, we hold your name and email address "
            "and which member you support, so you can act for them. If you "
            "work for the charity, we hold your name, email address and what "
            "you did on the website, such as approving a claim.</p>"
        ),
        _heading("What we hold about visitors"),
        _text(
            "<p>If you only read the website, we hold nothing about you "
            "except the cookies on our cookies page. If you ask for a page in "
            "another format, we keep your name, how to reply to you and what "
            "you asked for, so we can answer. If you suggest a network for our "
            "directory, we keep your name and email address, so the engagement "
            "lead can ask you about it; they are never shown on the website. "
            "To stop the form being misused, we count how often it is sent "
            "from one internet address. We keep only a scrambled form of the "
            "address, never the address itself."
            "</p>"
        ),
        _heading("How long we keep it"),
        _text(
            "<p>The website deletes what it no longer needs every night:</p>"
            "<ul>"
            "<li>Receipts attached to a claim form nobody finished: deleted "
            "2 days after they were attached.</li>"
            "<li>Sign-in links sent by email: they work for 15 minutes, and are "
            "deleted 1 day after they ran out or were used.</li>"
            "<li>Invitations nobody accepted: they work for 14 days, and are "
            "deleted 30 days after they ran out.</li>"
            "<li>The words of emails we sent you: deleted 30 days after they "
            "were sent.</li>"
            "<li>Notifications you have read: deleted 365 days after you read "
            "them.</li>"
            "<li>Your signed-in session: it ends after 30 minutes without "
            "activity, and 8 hours after you signed in at most.</li>"
            "<li>Wrong passwords: after 5 wrong passwords for one account from "
            "one place, signing in there stops for 15 minutes. The count is "
            "cleared when you sign in.</li>"
            "</ul>"
            "<p>When a member leaves the group, the engagement lead can "
            "remove their name. It becomes <b>Former member</b> and a number. "
            "Their profile, support needs, plan, notifications, emails and "
            "receipts are deleted, and so are the words of their posts in the "
            "channel. We keep the work they did and what they "
            "were paid, because the charity must keep its accounts.</p>"
        ),
        _heading("Getting a copy of your information"),
        _text(
            "<p>If you are a member, you can download everything the website "
            "holds about you as one file at any time. Sign in and go to "
            f'<a href="{download}">Download your information</a>. A supporter '
            "cannot do this for you. Sign in yourself, or ask the engagement "
            "lead.</p>"
        ),
        _heading("Asking us to correct or delete your information"),
        _text(
            "<p>You can change most of your information yourself on your "
            "profile. To ask us to correct or delete anything else, or to stop "
            "using it, email lead@example.org. We will reply within one month."
            "</p>"
            "<p>If you are not happy with how we used your information, you "
            "can complain to the "
            '<a href="https://ico.org.uk/make-a-complaint/">Information '
            "Commissioner's Office (ICO)</a>.</p>"
        ),
    ]


def cookies_body() -> list[dict]:
    return [
        _heading("Cookies we use"),
        _text(
            "<p>Cookies are small files saved on your phone, tablet or "
            "computer when you visit a website. We only use cookies the "
            "website needs to work. We do not use cookies to track you or for "
            "advertising, so we do not ask you to accept them.</p>"
            "<ul>"
            "<li><b>sessionid</b>: keeps you signed in. It ends when you close "
            "your browser, after 30 minutes without activity, or 8 hours "
            "after you signed in.</li>"
            "<li><b>csrftoken</b>: stops other websites sending forms in your "
            "name. It lasts a year.</li>"
            "<li><b>reader_preferences</b>: remembers your reader settings "
            "(text size, colours and font). It is only set if you choose a "
            "setting, and lasts a year.</li>"
            "<li><b>messages</b>: shows you a message once, such as "
            "<b>Your changes are saved</b>. It is deleted as soon as you have "
            "seen it.</li>"
            "</ul>"
            "<p>On the live website each name starts with <b>__Host-</b>, "
            "which means the cookie is only ever sent to this website over a "
            "secure connection.</p>"
        ),
        _heading("Changing your cookie settings"),
        _text(
            "<p>You can block or delete cookies in your browser's settings. "
            "Without the sessionid and csrftoken cookies you cannot sign in or "
            "send a form, but you can still read every public page.</p>"
        ),
    ]


OWED_PAGES = [
    (
        "accessibility",
        "Accessibility statement",
        "How accessible this website is, what is not yet, and how to tell us "
        "about a problem.",
        accessibility_body,
    ),
    (
        "privacy",
        "Privacy notice",
        "What this website holds about you, why, for how long, and how to get "
        "a copy or ask us to delete it.",
        privacy_body,
    ),
    (
        "cookies",
        "Cookies",
        "The few small files this website saves on your device, and why.",
        cookies_body,
    ),
]


def owed_pages_load(home: HomePage) -> None:
    """Each page once, under the home page; a second run changes nothing."""
    for slug, title, summary, body in OWED_PAGES:
        if GeneralPage.objects.filter(slug=slug).exists():
            continue
        page = GeneralPageFactory(
            parent=home,
            title=title,
            slug=slug,
            summary=summary,
            body=body(),
            last_reviewed=REVIEWED,
        )
        page.save_revision().publish()
