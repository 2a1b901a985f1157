"""The pieces of `make stack` that need no stack: the Procfile as it is read,
and the SMTP keeper writing each message it accepts to its folder. The stack
itself is tested end to end in tests/stack (marker `stack`)."""

import smtplib
import threading
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from stack.mailkeeper import Keeper
from stack.procfile import procfile_read
from stack.runner import PROJECT_ROOT, free_port


def test_the_procfile_describes_release_web_and_worker_once():
    processes = procfile_read(PROJECT_ROOT / "Procfile")
    assert list(processes) == ["release", "web", "worker"]
    assert processes["release"] == (
        "python manage.py migrate --noinput"
        " && python manage.py schedules_register"
        " && python manage.py collectstatic --noinput --verbosity 0"
    )
    assert processes["web"].startswith("gunicorn cms.wsgi --workers 2 --bind ")
    assert "$PORT" in processes["web"]
    assert processes["worker"] == "python manage.py qcluster"


@pytest.mark.parametrize(
    "text, error",
    [
        ("web gunicorn cms.wsgi\n", "not `name: command`"),
        ("web: one\nweb: two\n", "described twice"),
    ],
)
def test_a_procfile_line_it_cannot_read_is_named(tmp_path, text, error):
    procfile = tmp_path / "Procfile"
    procfile.write_text("# processes\n\n" + text)
    with pytest.raises(ValueError, match=error):
        procfile_read(procfile)


@pytest.fixture
def keeper(tmp_path):
    port = free_port()
    controller = Controller(Keeper(tmp_path), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield tmp_path, port
    finally:
        controller.stop()


def send(port: int, subject: str) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = (
        "hub@example.org",
        "member@example.org",
        subject,
    )
    message.set_content("Hello")
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp.send_message(message)


def test_the_keeper_writes_each_message_it_accepts_to_a_file(keeper):
    folder, port = keeper
    send(port, "First")
    send(port, "Second")
    files = sorted(folder.glob("*.eml"))
    assert [f.name for f in files] == ["00001.eml", "00002.eml"]
    kept = files[1].read_bytes()
    assert kept.startswith(b"X-Envelope-To: member@example.org\r\n")
    assert b"Subject: Second" in kept


def test_a_slow_keeper_marks_the_message_it_is_receiving(keeper):
    folder, port = keeper
    (folder / ".delay").write_text("1")
    sender = threading.Thread(target=send, args=(port, "Slow"))
    sender.start()
    seen = threading.Event()
    for _ in range(100):
        if (folder / ".receiving").exists():
            seen.set()
            break
        threading.Event().wait(0.02)
    sender.join(timeout=10)
    assert seen.is_set()
    assert not (folder / ".receiving").exists()
    assert len(list(folder.glob("*.eml"))) == 1
