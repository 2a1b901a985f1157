"""A real SMTP server on 127.0.0.1 for tests: it can refuse mail or stop."""

import socket
import threading
from dataclasses import dataclass, field
from email import message_from_bytes

from aiosmtpd.controller import Controller


@dataclass
class Received:
    message_id: str
    to: list[str]
    subject: str
    message: object


@dataclass
class Mailbox:
    """What the server accepted, and a switch to make it refuse."""

    received: list[Received] = field(default_factory=list)
    refusing: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            return "451 4.3.0 Mail server busy, try again later"
        message = message_from_bytes(envelope.content)
        with self.lock:
            self.received.append(
                Received(
                    message_id=message["Message-ID"],
                    to=list(envelope.rcpt_tos),
                    subject=str(message["Subject"]),
                    message=message,
                )
            )
        return "250 OK"

    def message_ids(self) -> list[str]:
        with self.lock:
            return [r.message_id for r in self.received]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.mailbox = Mailbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def settings(self) -> dict:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_TIMEOUT": 5,
        }
