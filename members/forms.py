from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.languages import html_lang

from .models import Assembly, ContactMethod, Profile, Skill, User

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


EMAIL_ADDRESS = _("Email address")


def email_field(label=EMAIL_ADDRESS, **kwargs):
    return forms.EmailField(
        label=label,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        **kwargs,
    )


def _lower(text) -> str:
    return str(text).lower()


def date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        widget=DATE_INPUT,
        error_messages={
            "required": format_lazy(
                _("Enter the {label}."), label=lazy(_lower, str)(label)
            ),
            "invalid": _("Enter a real date, for example 27 3 2027."),
        },
        **kwargs,
    )


class LeavingForm(forms.Form):
    ended_on = date_field(_("Last day as a member"), initial=timezone.localdate)

    def __init__(self, *args, person, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)

    def clean_ended_on(self):
        ended_on = self.cleaned_data["ended_on"]
        if ended_on > timezone.localdate():
            raise forms.ValidationError(
                _("The last day cannot be in the future. Record it on the day.")
            )
        profile = getattr(self.person, "profile", None)
        if profile and ended_on < profile.joined_on:
            raise forms.ValidationError(
                _("The last day cannot be before they joined (%(date)s).")
                % {"date": f"{profile.joined_on:%-d %B %Y}"}
            )
        return ended_on


class MoveAssemblyForm(forms.Form):
    assembly = forms.ModelChoiceField(
        label=_("New Assembly"),
        queryset=Assembly.objects.all(),
        empty_label=_("Choose an Assembly"),
        error_messages={"required": _("Choose the Assembly they are moving to.")},
    )
    started_on = date_field(
        _("First day in the new Assembly"), initial=timezone.localdate
    )


# The member's own profile, one section per form -------------------------------

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ProfileSectionForm(forms.Form):
    """One section of a profile. The words speak to the member ("you"); a
    supporter acting for them (`acting_for`) reads words that are true for
    them, since they are not the person described."""

    def __init__(self, *args, acting_for=None, **kwargs):
        self.acting_for = acting_for
        super().__init__(*args, **kwargs)


class AboutForm(ProfileSectionForm):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Enter your first name.")},
    )
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    display_name = forms.CharField(
        label=_("Name shown on the site"),
        max_length=150,
        help_text=_("On stories you write and, if you agree, the “Who we are” page."),
        error_messages={"required": _("Enter the name to show on the site.")},
    )
    pronouns = forms.CharField(
        label=_("Pronouns"),
        max_length=50,
        required=False,
        help_text=_("Optional. For example: she/her, they/them."),
    )


class ContactForm(ProfileSectionForm):
    contact_method = forms.ChoiceField(
        label=_("How do you like to be contacted?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_(
            "Private: only you and the engagement lead see it (and a "
            "supporter, while they act for you)."
        ),
    )
    contact_notes = forms.CharField(
        label=_("Anything else about contacting you"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: best times to call, or who answers the phone."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if member := self.acting_for:
            name = member.first_name or str(member)
            self.fields["phone"].help_text = _(
                "Private: only %(name)s, the engagement lead and %(name)s's "
                "supporters, while acting for them, see it."
            ) % {"name": name}

    def clean(self):
        cleaned = super().clean()
        needs_phone = cleaned.get("contact_method") in (
            ContactMethod.PHONE,
            ContactMethod.TEXT,
        )
        if needs_phone and not cleaned.get("phone", "").strip():
            self.add_error(
                "phone", _("Add a phone number, so we can call or text you.")
            )
        return cleaned


SUPPORT_NEEDS_EXAMPLES = _(
    "For example: papers in large print a week before a meeting, breaks every "
    "hour, a quiet room, travel with a PA."
)


def needs_privacy_for(member) -> str:
    """Who sees `member`'s access and support needs, in words for a supporter
    filling them in on the member's behalf (here and on a sign-up)."""
    name = member.first_name or str(member)
    return _(
        "Private: only %(name)s, the engagement lead and %(name)s's supporters, "
        "while acting for them, see this."
    ) % {"name": name}


class SupportNeedsForm(ProfileSectionForm):
    support_needs = forms.CharField(
        label=_("Your access and support needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=format_lazy(
            "{} {}",
            _(
                "Private: only you and the engagement lead see this (and a "
                "supporter, while they act for you)."
            ),
            SUPPORT_NEEDS_EXAMPLES,
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if member := self.acting_for:
            name = member.first_name or str(member)
            field = self.fields["support_needs"]
            field.label = _("%(name)s's access and support needs") % {"name": name}
            field.help_text = f"{needs_privacy_for(member)} {SUPPORT_NEEDS_EXAMPLES}"


class SharingForm(ProfileSectionForm):
    publish_on_site = forms.BooleanField(
        label=_("Show my name, Assembly and bio on the public “Who we are” page"),
        required=False,
    )
    publish_photo = forms.BooleanField(
        label=_("Show my photo on the public “Who we are” page"), required=False
    )
    share_skills_with_staff = forms.BooleanField(
        label=_("Staff may see my skills in the team CV"), required=False
    )
    share_experience_with_staff = forms.BooleanField(
        label=_("Staff may see my experience in the team CV"), required=False
    )
    share_languages_with_staff = forms.BooleanField(
        label=_("Staff may see the languages I speak in the team CV"), required=False
    )


class SkillsForm(ProfileSectionForm):
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills and assets you bring"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick any that fit. You can add more in your own words below."),
    )
    skills_in_own_words = forms.CharField(
        label=_("Your skills, in your own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    experience = forms.CharField(
        label=_("Experience"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Work, volunteering, caring, groups you have been part of."),
    )
    languages = forms.CharField(
        label=_("Languages you speak or sign"),
        max_length=200,
        required=False,
        help_text=_("For example: English, Welsh, British Sign Language."),
    )


def language_choices() -> list:
    """Each language named in itself, marked as that language, so a screen
    reader says "Cymraeg" in Welsh."""
    return [
        (code, format_html('<span lang="{}">{}</span>', html_lang(code), name))
        for code, name in settings.LANGUAGES
    ]


class LanguageForm(ProfileSectionForm):
    language = forms.ChoiceField(
        # Both languages, so someone who reads only one of them finds it.
        label=_("Language / Iaith"),
        choices=language_choices,
        widget=forms.RadioSelect,
        help_text=_(
            "The members' area, your notifications and your emails come in "
            "this language."
        ),
        error_messages={"required": _("Choose a language.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if member := self.acting_for:
            self.fields["language"].help_text = _(
                "%(name)s's notifications and emails come in this language. "
                "The members' area you see follows your own language."
            ) % {"name": member.first_name or str(member)}


class PauseForm(forms.Form):
    paused = forms.ChoiceField(
        label=_("Pause your membership for now?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_(
            "While you are paused we stop sending you reminders. Nothing "
            "is lost, and the engagement lead can see you are paused."
        ),
        error_messages={"required": _("Choose yes or no.")},
    )
    returning_on = date_field(
        _("When do you expect to be back?"),
        required=False,
        help_text=_("Optional. Reminders start again on this day."),
    )

    def clean(self):
        cleaned = super().clean()
        returning_on = cleaned.get("returning_on")
        if (
            cleaned.get("paused") == "yes"
            and returning_on
            and returning_on <= timezone.localdate()
        ):
            self.add_error(
                "returning_on",
                _(
                    "The day you expect to be back must be after today. Leave it "
                    "empty if you do not know yet."
                ),
            )
        return cleaned


class TeamCvFilterForm(forms.Form):
    skill = forms.ModelChoiceField(
        label=_("Skill"),
        queryset=Skill.objects.all(),
        required=False,
        empty_label=_("Any skill"),
    )
    assembly = forms.ModelChoiceField(
        label=_("Assembly"),
        queryset=Assembly.objects.all(),
        required=False,
        empty_label=_("Any Assembly"),
    )


class InviteForm(forms.Form):
    """The engagement lead invites one person."""

    email = email_field(label=_("Their email address"))
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        required=False,
        help_text=_("Optional. Used to greet them in the email."),
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, required=False, help_text=_("Optional.")
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (value, label)
            for value, label in Profile.Role.choices
            if value != Profile.Role.SUPPORTER
        ],
        initial=Profile.Role.MEMBER,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose their role.")},
    )
    assembly = forms.ModelChoiceField(
        label=_("Assembly"),
        queryset=Assembly.objects.all(),
        required=False,
        empty_label=_("Choose an Assembly"),
        help_text=_("Needed for members."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Someone already has an account with this email address.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Profile.Role.MEMBER and not cleaned.get("assembly"):
            self.add_error("assembly", _("Choose the Assembly this member belongs to."))
        return cleaned


class SupporterForm(forms.Form):
    """A member names a supporter: a carer or PA who may act for them."""

    first_name = forms.CharField(
        label=_("Their first name"),
        max_length=150,
        error_messages={"required": _("Enter your supporter's first name.")},
    )
    last_name = forms.CharField(
        label=_("Their last name"), max_length=150, required=False
    )
    email = email_field(
        label=_("Their email address"),
        help_text=_(
            "We ask them to agree. If they have no login here yet, we "
            "email them an invitation to set one up."
        ),
    )
    email.error_messages["required"] = _("Enter your supporter's email address.")

    def __init__(self, *args, member, **kwargs):
        self.member = member
        super().__init__(*args, **kwargs)
        # Someone else's address: the browser must not offer the member's own.
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.lower() == self.member.email.lower():
            raise forms.ValidationError(
                _("That is your own email address. Enter your supporter's.")
            )
        # Nothing else about the address is checked here: an error that told
        # the member whether it has an account (open or closed) would say
        # who is registered. members.services.supporter_name decides.
        return email
