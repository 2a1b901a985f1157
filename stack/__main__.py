"""`python -m stack` (bin/stack, `make stack`): the production stack on this
machine, until Ctrl-C or until any of its processes ends."""

import argparse
import signal
import sys

from .runner import Stack, StackError
from .seed import SEED_PASSWORD

BANNER = """
  Co-production Hub, production settings, on {url}
  Editors' admin:  {url}/admin/

  PostgreSQL  {db}
  Redis       redis://127.0.0.1:{redis}/0
  SMTP        127.0.0.1:{smtp}; every email is kept as a file in
              {mail}
  S3 (moto)   http://127.0.0.1:{s3}  buckets: hub-media, hub-private
  Files       {folder} (removed when the stack stops)
{accounts}
  Ctrl-C stops everything; so does any process ending.
"""

SEEDED = """
  Sign in at {url}/accounts/login/ as member@example.org or
  member2@example.org, password "{password}" (a few pages and an
  opportunity were made for you: stack/seed.py).
  For the admin, make an administrator (two-step set-up on first sign-in):
    {manage} createsuperuser)
"""

EMPTY = """
  An empty site. To sign in, make an administrator first (two-step set-up on
  first sign-in):
    {manage} createsuperuser)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--empty",
        action="store_true",
        help="start with an empty site (no seeded pages or members)",
    )
    options = parser.parse_args()
    # Stopped by a service manager as by Ctrl-C: everything stops, cleanly.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    stack = Stack(seed=not options.empty)
    try:
        stack.start()
    except StackError as error:
        print(f"The stack did not start: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    try:
        manage = f"(. {stack.env_file} && python manage.py"
        accounts = (SEEDED if stack.seed else EMPTY).format(
            url=stack.url, password=SEED_PASSWORD, manage=manage
        )
        stack.say(
            BANNER.format(
                url=stack.url,
                db=stack.postgres.url,
                redis=stack.redis_port,
                smtp=stack.smtp_port,
                mail=stack.mail,
                s3=stack.s3_port,
                folder=stack.folder,
                accounts=accounts,
            )
        )
        return stack.wait()
    finally:
        stack.stop()
        stack.say("The stack has stopped and its folder is removed.")


if __name__ == "__main__":
    sys.exit(main())
