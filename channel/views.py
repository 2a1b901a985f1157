"""The channel's pages: the topics, a topic and its posts (20 a page, with
a reply form and the Follow / Stop following button), starting a topic,
editing one's own post, flagging a post, and the lead's hiding and
closing. Members (or a supporter acting for one), staff and the lead;
anyone else gets "not found"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import NotAllowed
from members import roles
from members.access import lead_required
from members.acting import person_for

from . import selectors, services
from .forms import FlagForm, HideForm, PostForm, ReplyForm, TopicForm
from .models import Post, Topic

PER_PAGE = selectors.POSTS_PER_PAGE


def _person(request):
    person = person_for(request)
    if not selectors.channel_may_enter(user=request.user, person=person):
        raise Http404("Not found")
    return person


def _acting_for(request, person):
    return person if person != request.user else None


def _refused(form, refusal: NotAllowed):
    form.add_error(
        refusal.field if refusal.field in form.fields else None, str(refusal)
    )


@login_required
def topic_list(request):
    person = _person(request)
    page = Paginator(selectors.topics_for(person=person), PER_PAGE).get_page(
        request.GET.get("page")
    )
    for topic in page:
        topic.is_unread = selectors.topic_is_unread(topic=topic)
    context = {"topics": page, "is_lead": roles.is_lead(request.user)}
    if context["is_lead"]:
        context["flags_waiting"] = selectors.flags_open().count()
    return render(request, "channel/list.html", context)


@login_required
def topic_new(request):
    person = _person(request)
    acting_for = _acting_for(request, person)
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_start(
                person=person, by=request.user, **form.cleaned_data
            )
        except NotAllowed as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("Your topic is started."))
            return redirect("channel:topic", pk=topic.pk)
    return render(
        request,
        "channel/start.html",
        {"form": form, "acting_for": acting_for},
        status=400 if form.errors else 200,
    )


@login_required
def topic_detail(request, pk):
    person = _person(request)
    topic = get_object_or_404(Topic.objects.select_related("closed_by"), pk=pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_add(
                topic=topic, person=person, by=request.user, **form.cleaned_data
            )
        except NotAllowed as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect(selectors.post_url(post=post))
    posts = Paginator(selectors.topic_posts(topic=topic), PER_PAGE).get_page(
        request.GET.get("page")
    )
    is_lead = roles.is_lead(request.user)
    for post in posts:
        post.may_edit = selectors.post_may_edit(post=post, user=request.user)
        post.shows_reason = (
            is_lead or post.is_writer(request.user) or post.is_writer(person)
        )
    if request.method == "GET":
        services.topic_read_mark(topic=topic, person=person)
    return render(
        request,
        "channel/topic.html",
        {
            "topic": topic,
            "posts": posts,
            "form": form,
            "is_lead": is_lead,
            "acting_for": _acting_for(request, person),
            "is_followed": selectors.topic_is_followed(topic=topic, person=person),
        },
        status=400 if form.errors else 200,
    )


@login_required
def post_edit_view(request, pk):
    _person(request)
    post = get_object_or_404(Post.objects.select_related("topic"), pk=pk)
    if not selectors.post_may_edit(post=post, user=request.user):
        raise Http404("Not yours to change, or too late")
    form = PostForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(post=post, by=request.user, **form.cleaned_data)
        except NotAllowed as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("Your post is changed."))
            return redirect(selectors.post_url(post=post))
    return render(
        request,
        "channel/post_edit.html",
        {"form": form, "post": post},
        status=400 if form.errors else 200,
    )


@login_required
def post_flag_view(request, pk):
    person = _person(request)
    post = get_object_or_404(
        Post.objects.select_related("topic", "author", "written_for"), pk=pk
    )
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_flag(
                post=post, person=person, by=request.user, **form.cleaned_data
            )
        except NotAllowed as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("Thank you. The engagement lead is told."))
            return redirect(selectors.post_url(post=post))
    return render(
        request,
        "channel/post_flag.html",
        {"form": form, "post": post},
        status=400 if form.errors else 200,
    )


@lead_required
def post_hide_view(request, pk):
    post = get_object_or_404(
        Post.objects.select_related("topic", "author", "written_for"), pk=pk
    )
    form = HideForm(request.POST or None, initial={"reason": post.hidden_reason})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_hide(post=post, by=request.user, **form.cleaned_data)
        except NotAllowed as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("The post is hidden. Its writer sees why."))
            return redirect(selectors.post_url(post=post))
    return render(
        request,
        "channel/post_hide.html",
        {"form": form, "post": post},
        status=400 if form.errors else 200,
    )


@require_POST
@lead_required
def topic_close_view(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    services.topic_close(topic=topic, by=request.user)
    messages.success(request, _("The topic is closed: no more replies."))
    return redirect("channel:topic", pk=topic.pk)


@require_POST
@login_required
def topic_follow_view(request, pk):
    person = _person(request)
    topic = get_object_or_404(Topic, pk=pk)
    services.topic_follow(topic=topic, person=person, by=request.user)
    messages.success(request, _("You follow this topic now."))
    return redirect("channel:topic", pk=topic.pk)


@require_POST
@login_required
def topic_unfollow_view(request, pk):
    person = _person(request)
    topic = get_object_or_404(Topic, pk=pk)
    services.topic_unfollow(topic=topic, person=person, by=request.user)
    messages.success(request, _("You no longer follow this topic."))
    return redirect("channel:topic", pk=topic.pk)
