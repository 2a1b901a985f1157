"""Requests per second of our site against Wagtail's bakerydemo, in one run.

Both sites run under gunicorn (2 sync workers) with their production
settings, on one PostgreSQL server (a database each) and one Redis (db numbers
of their own), both started here on free loopback ports in a throwaway folder
and stopped afterwards, also on Ctrl-C or failure. Each page pair is measured
with the same wrk settings, alternating ours and theirs, and the median of the
short runs is compared:

- with our page cache off (PAGE_CACHE_SECONDS=0): home, a story, the story
  list and search against bakerydemo's home, a blog page, /blog/ and search;
- with our page cache on (the default): home and a story as a percentage of
  the rate the same gunicorn serves a small static file through WhiteNoise.

Bakerydemo is never committed: it is extracted from its git repository
(BAKERYDEMO_GIT, default the local mirror) into .cache/bakerydemo/ with a
virtualenv of its own (its Django needs Python 3.12 or newer: BAKERYDEMO_PYTHON)
the first time, and reused afterwards. Our demo content is loaded with the dev
settings (production refuses it), then served with the production settings.

Usage: make bench-compare
   or: .venv/bin/python bench/versus_bakerydemo.py [--runs 5] [--duration 5] ...
Results are also written to bench/results/ as JSON.
"""

import argparse
import contextlib
import glob
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# PostgreSQL and the port helpers are the local stack's (stack/runner.py).
sys.path.insert(0, str(PROJECT_ROOT))
from stack.runner import Postgres, free_port, port_wait  # noqa: E402

CACHE_DIR = PROJECT_ROOT / ".cache" / "bakerydemo"
RESULTS_DIR = PROJECT_ROOT / "bench" / "results"
BAKERYDEMO_GIT = os.environ.get(
    "BAKERYDEMO_GIT", "/work/.mirror/wagtail+bakerydemo/repo"
)
BAKERYDEMO_URL = "https://github.com/wagtail/bakerydemo.git"
# Left out of bakerydemo's requirements when they do not install here: none of
# them is used by a site served from local files with the database search.
BAKERYDEMO_OPTIONAL = ("elasticsearch", "uwsgi", "google-cloud", "boto3", "aws-")

# (name, our address, bakerydemo's address, target ratio), page cache off.
PAIRS = [
    ("home", "/", "/", 6),
    ("story", "/stories/seven-of-us-sat-on-interview-panels/", "/blog/wild-yeast/", 3),
    ("story list", "/stories/", "/blog/", 3),
    ("search", "/search/?q=carers", "/search/?q=bread", 4),
]
# Our anonymous pages with the page cache on, against a static file.
CACHED_PAGES = [("home", "/"), ("story", PAIRS[1][1])]
STATIC_FILE = "css/site.css"  # every page loads it; the size of a page
CACHED_TARGET = 80  # per cent of the static file's rate
WORKERS = 2


class Stop(Exception):
    """SIGTERM or SIGHUP: unwind through the finally blocks, as Ctrl-C does."""


def _stop(signum, frame):
    raise Stop(signal.Signals(signum).name)


def run(cmd, *, env=None, cwd=None, user=None, log=None) -> None:
    """Run a set-up step; on failure show the end of its output."""
    result = subprocess.run(
        [str(c) for c in cmd],
        env=env,
        cwd=cwd,
        user=user,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if log is not None:
        with open(log, "a") as f:
            f.write(f"$ {' '.join(str(c) for c in cmd)}\n{result.stdout}\n")
    if result.returncode:
        print(result.stdout[-4000:], file=sys.stderr)
        raise RuntimeError(f"{cmd[0]} {cmd[1] if len(cmd) > 1 else ''} failed")


def base_env(**extra) -> dict:
    """A clean environment: nothing of the caller's Django or database."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update({k: str(v) for k, v in extra.items()})
    return env


# --- PostgreSQL and Redis, in a throwaway folder ---------------------------


class Redis:
    def __init__(self, folder: Path):
        if not shutil.which("redis-server"):
            raise RuntimeError("redis-server is missing: make redis")
        self.folder = folder / "redis"
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        self.folder.mkdir()
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port)]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
            + ["--logfile", str(self.folder / "redis.log")],
            start_new_session=True,
        )
        port_wait(self.port, process=self.process, name="redis-server", timeout=60)

    def url(self, db: int | None = None) -> str:
        base = f"redis://127.0.0.1:{self.port}"
        return base if db is None else f"{base}/{db}"

    def stop(self) -> None:
        stop_process(self.process)


def stop_process(process) -> None:
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Gunicorn:
    """gunicorn with 2 sync workers, the way each site is deployed."""

    def __init__(self, name, python, app, *, cwd, env, folder: Path):
        # `python -m gunicorn`: a venv's bin/gunicorn names the folder the
        # venv was made in, which may have moved since.
        self.name, self.python, self.app = name, python, app
        self.cwd, self.env = cwd, env
        self.log = folder / f"gunicorn-{name.replace(' ', '-')}.log"
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(self.python), "-m", "gunicorn", self.app]
                + ["--workers", str(WORKERS)]
                + ["--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
                cwd=self.cwd,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            port_wait(
                self.port,
                process=self.process,
                name=f"gunicorn ({self.name})",
                timeout=60,
            )
        except RuntimeError:
            print(self.log.read_text()[-4000:], file=sys.stderr)
            raise

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        stop_process(self.process)


# --- The two sites -----------------------------------------------------------


def python_for_bakerydemo() -> str:
    """The oldest Python 3.12+ found: bakerydemo's Django 6 needs 3.12."""
    if chosen := os.environ.get("BAKERYDEMO_PYTHON"):
        return chosen
    candidates = [shutil.which(f"python3.{minor}") for minor in range(12, 20)]
    candidates += sorted(
        glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3"))
    )
    candidates += [shutil.which("python3")]
    found = []
    for candidate in filter(None, candidates):
        result = subprocess.run(
            [candidate, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            version = tuple(int(n) for n in result.stdout.split())
            if version >= (3, 12):
                found.append((version, candidate))
    if not found:
        raise RuntimeError(
            "bakerydemo needs Python 3.12 or newer: set BAKERYDEMO_PYTHON"
        )
    return min(found)[1]


def bakerydemo_setup(log: Path) -> Path:
    """Extract bakerydemo and install its requirements, once; its folder."""
    source, venv = CACHE_DIR / "src", CACHE_DIR / "venv"
    git_dir = Path(BAKERYDEMO_GIT)
    if not git_dir.exists():
        git_dir = CACHE_DIR / "repo.git"
        if not git_dir.exists():
            print(f"Cloning {BAKERYDEMO_URL} into {git_dir}")
            run(["git", "clone", "--bare", BAKERYDEMO_URL, git_dir])
    commit = subprocess.run(
        ["git", "--git-dir", git_dir, "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ready = CACHE_DIR / f".ready-{commit}"
    if ready.exists():
        return source
    print(f"Setting up bakerydemo {commit[:10]} in {CACHE_DIR} (once)")
    shutil.rmtree(CACHE_DIR, ignore_errors=True)
    source.mkdir(parents=True)
    archive = subprocess.Popen(
        ["git", "--git-dir", git_dir, "archive", commit], stdout=subprocess.PIPE
    )
    subprocess.run(["tar", "-x", "-C", source], stdin=archive.stdout, check=True)
    archive.wait()
    run([python_for_bakerydemo(), "-m", "venv", venv], log=log)
    pip = [venv / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check"]
    requirements = source / "requirements" / "production.txt"
    try:
        run([*pip, "-r", requirements, "gunicorn"], log=log)
    except RuntimeError:
        print("Leaving out bakerydemo's cloud and Elasticsearch packages")
        lines = (source / "requirements" / "base.txt").read_text().splitlines()
        lines += requirements.read_text().splitlines()
        kept = [
            line
            for line in lines
            if line.strip()
            and not line.startswith(("#", "-r"))
            and not line.lower().startswith(BAKERYDEMO_OPTIONAL)
        ]
        run([*pip, *kept, "gunicorn"], log=log)
    env = bakerydemo_env(
        database_url="postgres://unused/unused", redis_url="redis://127.0.0.1:1"
    )
    run(
        [venv / "bin" / "python", "manage.py", "collectstatic", "--noinput"],
        env=env,
        cwd=source,
        log=log,
    )
    ready.touch()
    return source


def bakerydemo_env(*, database_url: str, redis_url: str) -> dict:
    return base_env(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY="bench-only-" + "b" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,  # it adds /0 (cache) and /1 (renditions)
        SECURE_SSL_REDIRECT="False",
        BASIC_AUTH_ENABLED="false",
        DJANGO_LOG_LEVEL="WARNING",
    )


def bakerydemo_load(source: Path, env: dict, log: Path) -> None:
    python = CACHE_DIR / "venv" / "bin" / "python"
    # load_initial_data copies its images into MEDIA_ROOT under their own
    # names: a folder left from the last run would make it rename them.
    shutil.rmtree(source / "bakerydemo" / "media", ignore_errors=True)
    run([python, "manage.py", "migrate", "--noinput"], env=env, cwd=source, log=log)
    run([python, "manage.py", "load_initial_data"], env=env, cwd=source, log=log)


def our_env(*, database_url: str, redis_url: str, folder: Path, **extra) -> dict:
    return base_env(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="bench-only-" + "o" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        EMAIL_URL="consolemail://",
        DEFAULT_FROM_EMAIL="Co-production Hub <hub@example.org>",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=folder / "media",
        PRIVATE_MEDIA_ROOT=folder / "private-media",
        LOG_LEVEL="WARNING",
        **extra,
    )


def our_load(env: dict, log: Path) -> None:
    python = PROJECT_ROOT / ".venv" / "bin" / "python"
    # Production refuses demo content: load it with the dev settings.
    dev = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        run([python, "manage.py", *command], env=dev, cwd=PROJECT_ROOT, log=log)
    run(
        [python, "manage.py", "collectstatic", "--noinput"],
        env=env,
        cwd=PROJECT_ROOT,
        log=log,
    )


def static_url(name: str) -> str:
    manifest = json.loads(
        (PROJECT_ROOT / "staticfiles" / "staticfiles.json").read_text()
    )
    return "/static/" + manifest["paths"][name]


# --- Measuring ----------------------------------------------------------------


@dataclass
class Wrk:
    threads: int
    connections: int
    duration: int
    warmup: int

    def describe(self) -> str:
        version = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
        first = (version.stdout or version.stderr).split(" [")[0].strip()
        return (
            f"{first}: -t{self.threads} -c{self.connections} -d{self.duration}s"
            f" --timeout 60s a run, warm-up {self.warmup}s a URL;"
            f" each gunicorn: {WORKERS} sync workers"
        )

    def rate(self, url: str, seconds: int | None = None) -> float:
        result = subprocess.run(
            ["wrk", f"-t{self.threads}", f"-c{self.connections}"]
            # A slow page is measured, not dropped: wrk's default gives up
            # after 2 s, and on a loaded machine a queued request waits longer.
            + [f"-d{seconds or self.duration}s", "--timeout", "60s", url],
            capture_output=True,
            text=True,
            check=True,
        )
        out = result.stdout
        problems = re.findall(r"(Non-2xx or 3xx responses: \d+|Socket errors: .*)", out)
        if problems:
            raise RuntimeError(f"{url}: {'; '.join(problems)}")
        requests = int(re.search(r"(\d+) requests in", out).group(1))
        if not requests:
            raise RuntimeError(f"{url}: no request answered in the run:\n{out}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def fetch(url: str) -> tuple[int, str]:
    """Check the address answers 200; its size in bytes and its text."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            body = response.read()
            length = response.headers.get("Content-Length")
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url} answered {error.code}, not 200") from error
    return (int(length) if length else len(body)), body.decode(errors="replace")


def search_hits(text: str) -> int | None:
    """The results a search page says it found (ours and bakerydemo's wording)."""
    found = re.search(r"(\d+) results? (?:for|found)", text)
    return int(found.group(1)) if found else None


def alternate(wrk: Wrk, urls: list[str], runs: int) -> list[list[float]]:
    """Each URL warmed up, then measured in turns; the rates per URL."""
    for url in urls:
        # Every worker renders the page once (and makes its image renditions)
        # before wrk's own warm-up.
        for _ in range(2 * WORKERS):
            fetch(url)
        wrk.rate(url, wrk.warmup)
    rates = [[] for _ in urls]
    for _ in range(runs):
        for i, url in enumerate(urls):
            rates[i].append(wrk.rate(url))
    return rates


def spread(rates: list[float]) -> str:
    return f"{statistics.median(rates):8.0f} ({min(rates):.0f}–{max(rates):.0f})"


def stack(python: Path) -> str:
    """The versions a site runs on, to read its figures by."""
    return subprocess.run(
        [
            python,
            "-c",
            "import sys, django, wagtail; print(f'Python {sys.version.split()[0]},"
            " Django {django.__version__}, Wagtail {wagtail.__version__}')",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min; {os.cpu_count()} cores)"


def measure(args, folder: Path) -> dict:
    log = folder / "setup.log"
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is missing: make bench-compare installs it")
    postgres, redis = Postgres(folder / "pg"), Redis(folder)
    servers = []
    try:
        bakery_source = bakerydemo_setup(log)
        postgres.start()
        redis.start()
        print(f"PostgreSQL on port {postgres.port}, Redis on {redis.port}: {folder}")

        bakery = bakerydemo_env(
            database_url=postgres.database_create("bakerydemo"),
            redis_url=redis.url(),  # db 0 and 1
        )
        hub_db = postgres.url  # "hub", made when PostgreSQL starts
        print("Loading bakerydemo's initial data")
        bakerydemo_load(bakery_source, bakery, log)
        print("Loading our demo content")
        our_load(
            our_env(database_url=hub_db, redis_url=redis.url(2), folder=folder), log
        )

        theirs = Gunicorn(
            "bakerydemo",
            CACHE_DIR / "venv" / "bin" / "python",
            "bakerydemo.wsgi",
            cwd=bakery_source,
            env=bakery,
            folder=folder,
        )
        uncached = Gunicorn(
            "ours, page cache off",
            PROJECT_ROOT / ".venv" / "bin" / "python",
            "cms.wsgi",
            cwd=PROJECT_ROOT,
            folder=folder,
            env=our_env(
                database_url=hub_db,
                redis_url=redis.url(2),
                folder=folder,
                PAGE_CACHE_SECONDS=0,
            ),
        )
        cached = Gunicorn(
            "ours, page cache on",
            PROJECT_ROOT / ".venv" / "bin" / "python",
            "cms.wsgi",
            cwd=PROJECT_ROOT,
            folder=folder,
            env=our_env(database_url=hub_db, redis_url=redis.url(3), folder=folder),
        )
        for server in (theirs, uncached, cached):
            servers.append(server)
            server.start()

        wrk = Wrk(args.threads, args.connections, args.duration, args.warmup)
        print(wrk.describe())
        print(f"Load before: {load()}")
        results = {
            "wrk": wrk.describe(),
            "stacks": {
                "ours": stack(PROJECT_ROOT / ".venv" / "bin" / "python"),
                "bakerydemo": stack(CACHE_DIR / "venv" / "bin" / "python"),
            },
            "load_before": load(),
            "pairs": [],
        }
        for name, ours_path, theirs_path, target in PAIRS:
            ours_url, theirs_url = uncached.url(ours_path), theirs.url(theirs_path)
            (ours_bytes, ours_text), (theirs_bytes, theirs_text) = (
                fetch(ours_url),
                fetch(theirs_url),
            )
            print(f"  {name}: {ours_path} against {theirs_path}")
            ours_rates, theirs_rates = alternate(wrk, [ours_url, theirs_url], args.runs)
            results["pairs"].append(
                {
                    "name": name,
                    "ours": ours_path,
                    "theirs": theirs_path,
                    "target": target,
                    "ours_rates": ours_rates,
                    "theirs_rates": theirs_rates,
                    "ours_bytes": ours_bytes,
                    "theirs_bytes": theirs_bytes,
                    "ours_hits": search_hits(ours_text) if "?q=" in ours_path else None,
                    "theirs_hits": search_hits(theirs_text)
                    if "?q=" in theirs_path
                    else None,
                }
            )
        static_path = static_url(STATIC_FILE)
        paths = [static_path] + [path for _, path in CACHED_PAGES]
        sizes = [fetch(cached.url(path))[0] for path in paths]
        print(f"  page cache on: {', '.join(paths)}")
        rates = alternate(wrk, [cached.url(path) for path in paths], args.runs)
        results["cached"] = [
            {"name": name, "path": path, "rates": r, "bytes": size}
            for name, path, r, size in zip(
                [STATIC_FILE] + [n for n, _ in CACHED_PAGES],
                paths,
                rates,
                sizes,
                strict=True,
            )
        ]
        results["load_after"] = load()
        return results
    finally:
        # A second Ctrl-C must not leave a server running.
        signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
        previous = {s: signal.signal(s, signal.SIG_IGN) for s in signals}
        for server in reversed(servers):
            server.stop()
        redis.stop()
        postgres.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)


def report(results: dict) -> None:
    print()
    print(results["wrk"])
    for site, versions in results["stacks"].items():
        print(f"{site}: {versions}")
    print(f"Load before: {results['load_before']}; after: {results['load_after']}")
    print("Requests per second: median of the runs (lowest–highest)")
    print()
    print("Page cache off (PAGE_CACHE_SECONDS=0)")
    header = (
        f"{'page':<11}{'ours req/s':>22}{'bakerydemo req/s':>22}{'ratio':>8}"
        f"{'target':>8}{'ours B':>9}{'theirs B':>10}"
    )
    print(header)
    for pair in results["pairs"]:
        ratio = statistics.median(pair["ours_rates"]) / statistics.median(
            pair["theirs_rates"]
        )
        pair["ratio"] = round(ratio, 2)
        verdict = "ok" if ratio >= pair["target"] else "below"
        print(
            f"{pair['name']:<11}{spread(pair['ours_rates']):>22}"
            f"{spread(pair['theirs_rates']):>22}{ratio:>7.2f}×"
            f"{'≥' + str(pair['target']) + '× ' + verdict:>12}"
            f"{pair['ours_bytes']:>9}{pair['theirs_bytes']:>10}"
        )
    for pair in results["pairs"]:
        hits = ""
        if pair.get("ours_hits") is not None:
            hits = f" ({pair['ours_hits']} and {pair['theirs_hits']} results)"
        print(
            f"  {pair['name']}: ours {pair['ours']}, bakerydemo {pair['theirs']}{hits}"
        )
    print()
    print("Page cache on (default): our pages against a static file, same gunicorn")
    static = statistics.median(results["cached"][0]["rates"])
    print(f"{'what':<24}{'req/s':>22}{'% of static':>13}{'target':>12}{'bytes':>8}")
    for row in results["cached"]:
        share = 100 * statistics.median(row["rates"]) / static
        row["percent_of_static"] = round(share, 1)
        target = (
            ""
            if row is results["cached"][0]
            else f"≥{CACHED_TARGET} % " + ("ok" if share >= CACHED_TARGET else "below")
        )
        print(
            f"{row['name']:<24}{spread(row['rates']):>22}{share:>12.0f}%"
            f"{target:>12}{row['bytes']:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per URL (5)")
    parser.add_argument("--duration", type=int, default=5, help="seconds a run (5)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds a URL (3)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--connections", type=int, default=4, help="wrk -c (4)")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    folder = Path(tempfile.mkdtemp(prefix="hub-vs-bakerydemo-"))
    folder.chmod(0o755)  # the postgres user reaches its folder inside
    try:
        results = measure(args, folder)
    except (KeyboardInterrupt, Stop):
        print("Stopped; servers shut down.", file=sys.stderr)
        sys.exit(130)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(results)
    RESULTS_DIR.mkdir(exist_ok=True)
    out = RESULTS_DIR / f"versus-bakerydemo-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"\nWritten to {out.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
