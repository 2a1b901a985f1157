"""An SMTP server that keeps what it receives: each message becomes one file
in a folder (`<n>.eml`, written whole and then renamed into place), with the
envelope's recipients in an `X-Envelope-To` header.

    python -m stack.mailkeeper --port 2525 --folder /tmp/mail

A number of seconds written to `<folder>/.delay` makes it wait that long
before accepting each message (the end-to-end tests kill a worker while it
waits); `<folder>/.receiving` exists while a message is being received. A
client that goes away while it waits is not answered, and nothing is kept:
as a real mail server, which delivers only what it said 250 to.
"""

import argparse
import asyncio
import itertools
import signal
import threading
from pathlib import Path

from aiosmtpd.controller import Controller


class Keeper:
    def __init__(self, folder: Path):
        self.folder = folder
        self.numbers = itertools.count(1)

    def delay(self) -> float:
        try:
            return float((self.folder / ".delay").read_text().strip() or 0)
        except (OSError, ValueError):
            return 0.0

    async def handle_DATA(self, server, session, envelope):
        receiving = self.folder / ".receiving"
        receiving.touch()
        try:
            await asyncio.sleep(self.delay())
        finally:
            receiving.unlink(missing_ok=True)
        number = next(self.numbers)
        header = f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n".encode()
        partial = self.folder / f".{number}.part"
        partial.write_bytes(header + envelope.original_content)
        partial.rename(self.folder / f"{number:05d}.eml")
        return "250 OK: kept"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", type=Path, required=True)
    options = parser.parse_args()
    options.folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(
        Keeper(options.folder), hostname=options.host, port=options.port
    )
    controller.start()
    stopped = threading.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: stopped.set())
    print(f"Keeping mail sent to {options.host}:{options.port} in {options.folder}")
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main()
