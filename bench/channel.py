"""How the channel grows (issue 20): a topic's first and last page, the
topic list, and a new post telling its followers, in a small channel (the
demo) and a big one (100 times the posts, 50 times the topics, 10 times the
followers), as ratios measured in the same run, with the statements each
ran. The statements should not grow; the times should stay within a small
factor (paging and counts grow with the table, not with the page).

Usage: .venv/bin/python bench/channel.py [requests]
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(requests: int = 30) -> None:
    workdir = tempfile.mkdtemp(prefix="hub-bench-channel-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from channel.models import Post, Topic, TopicFollow
    from channel.services import post_add
    from members.factories import UserFactory
    from members.models import User

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())
    member = User.objects.get(email="member@example.org")
    staff = User.objects.get(email="staff@example.org")
    topic = Topic.objects.get(title__startswith="Recruitment panels")
    client = Client()
    client.force_login(member)

    def timed(url):
        client.get(url)  # warm-up
        times = []
        # A request starts by emptying the log: start from empty too.
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        for _ in range(requests):
            started = time.perf_counter()
            assert client.get(url).status_code == 200, url
            times.append(time.perf_counter() - started)
        return statistics.median(times) * 1000, len(captured)

    def telling(followers):
        times, statements = [], 0
        for _ in range(5):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                post_add(topic=topic, person=staff, by=staff, body="Noted, thanks.")
            times.append(time.perf_counter() - started)
            statements = len(captured)
        return statistics.median(times) * 1000, statements

    def measure():
        last = (topic.posts.count() - 1) // 20 + 1
        return {
            "topic list": timed(reverse("channel:list")),
            "a topic, first page": timed(reverse("channel:topic", args=[topic.pk])),
            "a topic, last page": timed(
                reverse("channel:topic", args=[topic.pk]) + f"?page={last}"
            ),
            "a post telling followers": telling(TopicFollow.objects.count()),
        }

    small = measure()
    small_counts = (Topic.objects.count(), Post.objects.count())
    # Grow it: 100x the posts in this topic, 50x the topics, 10x the followers.
    posts = topic.posts.count()
    Post.objects.bulk_create(
        Post(topic=topic, author=staff, author_name=str(staff), body=f"Reply {n}")
        for n in range(posts * 100)
    )
    others = [Topic(title=f"Topic {n}", started_by=member) for n in range(150)]
    Topic.objects.bulk_create(others)
    people = UserFactory.create_batch(40)
    member_group = member.groups.first()
    for person in people:
        person.groups.add(member_group)
    TopicFollow.objects.bulk_create(
        TopicFollow(topic=topic, person=person) for person in people
    )
    big = measure()
    print(
        f"The channel, small (demo: {small_counts[0]} topics, {small_counts[1]} "
        f"posts) and big ({Topic.objects.count()} topics, {Post.objects.count()} "
        f"posts, {TopicFollow.objects.filter(topic=topic).count()} followers of "
        f"the topic), {requests} requests each, SQLite"
    )
    print(f"{'':<26}{'small ms':>9}{'big ms':>8}{'ratio':>7}{'statements':>13}")
    for name, (small_ms, small_q) in small.items():
        big_ms, big_q = big[name]
        print(
            f"{name:<26}{small_ms:>9.1f}{big_ms:>8.1f}{big_ms / small_ms:>7.2f}"
            f"{small_q:>6} → {big_q}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
