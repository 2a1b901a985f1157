"""Reading the Procfile: one `name: command` a line, as platforms that run
Procfiles (and honcho, foreman) read it. Each command runs under `sh -c`, so
it may use `$PORT`, `${HOST:-0.0.0.0}` and `&&`."""

import re
from pathlib import Path

LINE = re.compile(r"^([A-Za-z0-9_-]+):\s*(.+)$")


def procfile_read(path: Path) -> dict[str, str]:
    processes = {}
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            raise ValueError(f"{path}:{number}: not `name: command`: {raw!r}")
        name, command = match.groups()
        if name in processes:
            raise ValueError(f"{path}:{number}: {name!r} is described twice")
        processes[name] = command
    return processes
