"""Starting and stopping the stack: the services on loopback, then the
Procfile's processes (release to completion first, then web and worker).

    with Stack() as stack:   # or stack.start() ... stack.stop()
        stack.wait()         # until Ctrl-C or a process ends

Each process runs in its own process group, so stopping (or killing) one
stops what it started too (gunicorn's workers, qcluster's).
"""

import glob
import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import psycopg

from .procfile import procfile_read

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUCKETS = ("hub-media", "hub-private")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_wait(port: int, *, process=None, timeout: float = 30, name: str = "") -> None:
    """Until something listens on 127.0.0.1:port; fails if `process` ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StackError(f"{name} ended (exit {process.returncode}) on start-up")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise StackError(f"{name or port} did not start within {timeout:.0f} s")


class StackError(RuntimeError):
    pass


class Process:
    """One command in its own process group, its output prefixed with its
    name and copied to `output` (a text stream)."""

    def __init__(self, name, command, *, env, cwd, output, shell=True):
        self.name, self.command, self.env, self.cwd = name, command, env, cwd
        self.output, self.shell = output, shell
        self.popen = None

    def start(self) -> "Process":
        args = ["sh", "-c", self.command] if self.shell else self.command
        self.popen = subprocess.Popen(
            args,
            env=self.env,
            cwd=self.cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        threading.Thread(target=self._copy, args=(self.popen,), daemon=True).start()
        return self

    def _copy(self, popen) -> None:
        for line in iter(popen.stdout.readline, b""):
            text = line.decode(errors="replace").rstrip()
            try:
                self.output.write(f"{self.name:>8} | {text}\n")
                self.output.flush()
            except ValueError:  # the output was closed under us
                return

    @property
    def pid(self) -> int:
        return self.popen.pid

    def poll(self):
        return self.popen.poll() if self.popen else None

    @property
    def returncode(self):
        return self.popen.returncode

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal(self, number: int) -> None:
        """To the whole process group."""
        try:
            os.killpg(self.popen.pid, number)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer would: no clean-up runs."""
        self.signal(signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self, timeout: float = 15) -> None:
        if self.popen is None:
            return
        if self.popen.poll() is None:
            self.signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.signal(signal.SIGKILL)
                self.popen.wait(timeout=10)
        # The group may outlive its leader (a worker orphaned by it).
        self.signal(signal.SIGKILL)


class Postgres:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.bin = Path(
            sorted(
                glob.glob("/usr/lib/postgresql/*/bin"),
                key=lambda p: int(Path(p).parent.name),
            )[-1]
        )
        self.data = folder / "data"

    def _run(self, *args) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.getuid() == 0:  # initdb refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd="/")

    def start(self) -> None:
        self.folder.mkdir()
        if os.getuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust")
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
            " -c full_page_writes=off",
            "start",
        )
        self.database_create("hub")

    def database_create(self, name: str) -> str:
        """A new, empty database; its address."""
        with psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/hub"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


class Stack:
    """The stack in a throwaway folder. `seed` fills the site with a few
    pages and accounts (stack/seed.py); `output` receives every process's
    lines."""

    def __init__(self, *, seed: bool = True, output=None, extra_env=None):
        self.seed = seed
        self.output = output or sys.stdout
        self.extra_env = extra_env or {}
        self.secret_key = secrets.token_urlsafe(50)
        self.folder = None
        self.processes: dict[str, Process] = {}
        self.services: list = []
        self.procfile = procfile_read(PROJECT_ROOT / "Procfile")
        self.python = str(PROJECT_ROOT / ".venv" / "bin" / "python")
        if not os.path.exists(self.python):
            self.python = sys.executable

    def say(self, text: str) -> None:
        self.output.write(text + "\n")
        self.output.flush()

    # The services --------------------------------------------------------

    def start(self) -> "Stack":
        self.folder = Path(tempfile.mkdtemp(prefix="coproduction-stack-"))
        self.folder.chmod(0o711)  # the postgres user reaches its own folder
        try:
            self._start_services()
            self.env = self.site_env(port=self.web_port, home=self.folder / "web")
            self.env_file = self.folder / "stack.env"
            self.env_file.touch(mode=0o600)  # it holds the SECRET_KEY
            self.env_file.write_text(
                "".join(
                    f"export {key}={shlex.quote(value)}\n"
                    for key, value in self.site_variables(
                        port=self.web_port, home=self.folder / "web"
                    ).items()
                )
            )
            self.release()
            self.seeded = {}
            if self.seed:
                made = self.manage("shell", "-c", "from stack.seed import seed; seed()")
                self.seeded = json.loads(made.stdout.strip().splitlines()[-1])
            self.web = self.start_web(port=self.web_port, env=self.env)
            self.start_worker()
        except BaseException:
            self.stop()
            raise
        return self

    def _start_services(self) -> None:
        self.postgres = Postgres(self.folder / "postgres")
        self.services.append(self.postgres)
        self.postgres.start()

        self.redis_port = free_port()
        self.start_redis()

        self.smtp_port = free_port()
        self.mail = self.folder / "mail"
        self.mail.mkdir()
        self.processes["smtp"] = Process(
            "smtp",
            [
                self.python,
                "-m",
                "stack.mailkeeper",
                "--port",
                str(self.smtp_port),
                "--folder",
                str(self.mail),
            ],
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
            cwd=PROJECT_ROOT,
            output=self.output,
            shell=False,
        ).start()
        port_wait(self.smtp_port, process=self.processes["smtp"], name="smtp")

        self.s3_port = free_port()
        self.processes["s3"] = Process(
            "s3",
            [self.python, "-m", "moto.server", "-H", "127.0.0.1"]
            + ["-p", str(self.s3_port)],
            env=os.environ.copy(),
            cwd=self.folder,
            output=self.output,
            shell=False,
        ).start()
        port_wait(self.s3_port, process=self.processes["s3"], name="s3")
        s3 = boto3.client("s3", **self.s3_credentials())
        for bucket in BUCKETS:
            s3.create_bucket(Bucket=bucket)

        self.web_port = free_port()

    def s3_credentials(self) -> dict:
        return {
            "endpoint_url": f"http://127.0.0.1:{self.s3_port}",
            "aws_access_key_id": "stack",
            "aws_secret_access_key": "stack",
            "region_name": "us-east-1",
        }

    def start_redis(self) -> None:
        executable = shutil.which("redis-server")
        if not executable:
            raise StackError("redis-server is needed: `make redis` installs it")
        (self.folder / "redis").mkdir(exist_ok=True)
        self.processes["redis"] = Process(
            "redis",
            [executable, "--port", str(self.redis_port), "--bind", "127.0.0.1"]
            + ["--dir", str(self.folder / "redis"), "--save", "", "--appendonly"]
            + ["no"],
            env=os.environ.copy(),
            cwd=self.folder,
            output=self.output,
            shell=False,
        ).start()
        port_wait(self.redis_port, process=self.processes["redis"], name="redis")

    def stop_redis(self) -> None:
        self.processes["redis"].stop()

    # The site's processes -------------------------------------------------

    def site_env(self, *, port: int, home: Path) -> dict:
        """The production settings' variables, for a web process on `port`
        whose own files (media, private media, tmp) live under `home`."""
        for folder in ("media", "private-media", "tmp"):
            (home / folder).mkdir(parents=True, exist_ok=True)
        clean = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "PYTEST_")) and k != "DATABASE_URL"
        }
        return {**clean, **self.site_variables(port=port, home=home)}

    def site_variables(self, *, port: int, home: Path) -> dict:
        s3 = self.s3_credentials()
        return {
            "PATH": f"{Path(self.python).parent}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": str(PROJECT_ROOT),
            "PYTHONUNBUFFERED": "1",
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "EMAIL_URL": f"smtp://127.0.0.1:{self.smtp_port}",
            "DEFAULT_FROM_EMAIL": "Co-production Hub <hub@example.org>",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.web_port}",
            # Plain HTTP on loopback: no redirect to https, no HSTS, and
            # cookies a browser sends back over http:// (never in production).
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SECURE_COOKIES": "false",
            # A dead worker's emails go again after 65 s, not 10 minutes
            # (still longer than the task timeout of 60 s).
            "NOTIFICATIONS_EMAIL_CLAIM_LEASE_SECONDS": "65",
            "AWS_STORAGE_BUCKET_NAME": BUCKETS[0],
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": BUCKETS[1],
            "AWS_S3_ENDPOINT_URL": s3["endpoint_url"],
            "AWS_S3_REGION_NAME": s3["region_name"],
            "AWS_ACCESS_KEY_ID": s3["aws_access_key_id"],
            "AWS_SECRET_ACCESS_KEY": s3["aws_secret_access_key"],
            "MEDIA_ROOT": str(home / "media"),
            "PRIVATE_MEDIA_ROOT": str(home / "private-media"),
            "TMPDIR": str(home / "tmp"),
            "HOST": "127.0.0.1",
            "PORT": str(port),
            **self.extra_env,
        }

    def release(self) -> None:
        """The Procfile's release line, to completion; it must succeed."""
        self.say("Release: migrate, schedules_register, collectstatic ...")
        process = Process(
            "release",
            self.procfile["release"],
            env=self.env,
            cwd=PROJECT_ROOT,
            output=self.output,
        ).start()
        if process.popen.wait() != 0:
            raise StackError(f"The release failed (exit {process.returncode})")

    def manage(self, *args, check=True) -> subprocess.CompletedProcess:
        """manage.py under the stack's production settings."""
        result = subprocess.run(
            [self.python, "manage.py", *args],
            env=self.env,
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise StackError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result

    def start_web(
        self, *, port: int, env: dict, cwd: Path = PROJECT_ROOT, name: str = "web"
    ) -> Process:
        process = Process(
            name, self.procfile["web"], env=env, cwd=cwd, output=self.output
        ).start()
        self.processes[name] = process
        port_wait(port, process=process, timeout=60, name=name)
        url_wait(f"http://127.0.0.1:{port}/", timeout=60)
        return process

    def start_worker(self) -> Process:
        self.processes["worker"] = Process(
            "worker",
            self.procfile["worker"],
            env=self.env,
            cwd=PROJECT_ROOT,
            output=self.output,
        ).start()
        return self.processes["worker"]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    # Running and stopping -------------------------------------------------

    def wait(self) -> int:
        """Until a process ends (its exit code) or Ctrl-C (0)."""
        try:
            while True:
                for name, process in self.processes.items():
                    if process.poll() is not None:
                        self.say(f"\n{name} ended (exit {process.returncode}).")
                        return process.returncode or 1
                time.sleep(0.2)
        except KeyboardInterrupt:
            self.say("\nCtrl-C: stopping.")
            return 0

    def stop(self) -> None:
        for name in reversed(list(self.processes)):
            self.processes[name].stop()
        for service in reversed(self.services):
            try:
                service.stop()
            except subprocess.CalledProcessError as error:
                self.say(f"Stopping {type(service).__name__} failed: {error}")
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def url_wait(url: str, *, timeout: float) -> None:
    """Until the URL answers at all (any status)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError as error:
            if time.monotonic() > deadline:
                raise StackError(f"{url} did not answer in {timeout:.0f} s") from error
            time.sleep(0.2)
