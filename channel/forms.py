"""The channel's forms. The rules (empty, too long, script links) are the
services'; these only shape the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

BODY_HELP = _(
    "Plain text. Web addresses become links. To tell someone in the channel, "
    "write @ and their name as it shows here, for example @Sam Jones. Up to "
    "5,000 characters; you can change your post for 30 minutes after "
    "sending it."
)


YOUR_POST = _("Your post")


def body_field(label=YOUR_POST):
    # No max_length: the service says how long it is, with the text kept.
    return forms.CharField(
        label=label,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=BODY_HELP,
        error_messages={"required": _("Write your post.")},
    )


class TopicForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("In a few words, what is it about?"),
        error_messages={"required": _("Give the topic a title.")},
    )
    body = body_field(_("Your first post"))


class PostForm(forms.Form):
    body = body_field()


class ReplyForm(forms.Form):
    body = body_field(_("Your reply"))


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you are hiding it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The person who wrote it reads this. Others see “hidden by "
            "the engagement lead”."
        ),
        error_messages={
            "required": _("Say why: the person who wrote it will read this.")
        },
    )


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the engagement lead reads this."),
        error_messages={"required": _("Say what is wrong with the post.")},
    )
