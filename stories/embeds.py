"""The videos from other sites a story may embed: YouTube and Vimeo only,
each played in its privacy-enhanced form (README "Media and private files in
production"). The finder (WAGTAILEMBEDS_FINDERS) asks the provider's oEmbed
endpoint about the video, then frames the player itself: youtube-nocookie.com
for YouTube (no cookies until the reader presses play), player.vimeo.com with
dnt=1 for Vimeo (no tracking). The provider's own HTML is never kept, so the
page only ever frames FRAME_ORIGINS, which is the CSP's frame-src."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.utils.html import format_html
from django.utils.translation import gettext_noop
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.embeds.oembed_providers import vimeo, youtube

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
VIMEO_PLAYER = "https://player.vimeo.com"
FRAME_ORIGINS = [YOUTUBE_PLAYER, VIMEO_PLAYER]
PROVIDERS = [youtube, vimeo]

# Marked here, translated where it is shown (stories/blocks.py).
REFUSAL = gettext_noop(
    "Only videos on YouTube or Vimeo can be shown in a story. For a video "
    "from anywhere else, upload it under Media (with its captions and "
    "transcript) and use a Media block, or link to it in the text."
)

_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""")


def embed_allowed(url: str) -> bool:
    """Whether a video address is one of the providers a story may embed."""
    return OEmbedFinder(providers=PROVIDERS).accept(url)


def player_address(html: str) -> str:
    """The privacy-enhanced address of the player in a provider's oEmbed
    HTML; anything else is refused."""
    found = _SRC.search(html or "")
    if not found:
        raise EmbedNotFoundException("No player in the provider's answer")
    src = urlsplit(found.group(1).replace("&amp;", "&"))
    if src.hostname in {"www.youtube.com", "youtube.com", "www.youtube-nocookie.com"}:
        if src.path.startswith("/embed/"):
            query = f"?{src.query}" if src.query else ""
            return f"{YOUTUBE_PLAYER}{src.path}{query}"
    elif src.hostname == "player.vimeo.com" and src.path.startswith("/video/"):
        query = dict(parse_qsl(src.query)) | {"dnt": "1"}
        return f"{VIMEO_PLAYER}{src.path}?{urlencode(query)}"
    raise EmbedNotFoundException(f"Not a player this site frames: {src.hostname}")


class PrivacyEnhancedFinder(OEmbedFinder):
    def __init__(self, providers=None, options=None):
        super().__init__(providers=PROVIDERS, options=options)

    def find_embed(self, url, max_width=None, max_height=None):
        embed = super().find_embed(url, max_width, max_height)
        embed["html"] = format_html(
            '<iframe src="{}" title="{}" allow="fullscreen; picture-in-picture" '
            'allowfullscreen loading="lazy"></iframe>',
            player_address(embed["html"]),
            embed["title"] or "Video",
        )
        return embed


embed_finder_class = PrivacyEnhancedFinder
