"""nginx (Debian's package) serving a built site on 127.0.0.1 with the config the build generated:
what the tests and `scripts/lighthouse.py --nginx` serve the site with.

The server runs as the caller's own user in one process (`master_process off`, no `user` switch),
with its pid, logs and temporary folders in a temporary prefix; nothing of the system's nginx
service is read or touched except `mime.types`.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .nginx import CONFIG_FILE as GENERATED_CONFIG

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")

_MAIN_CONFIG = """\
daemon off;
master_process off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {site};
        include {site}/{generated};
    }}
}}
"""


def nginx_available() -> bool:
    return Path(NGINX).exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def serve_with_nginx(site: Path, prefix: Path) -> Iterator[str]:
    """Serve `site` (a built site with its generated config) and yield its base URL."""
    site = site.resolve()
    prefix.mkdir(parents=True, exist_ok=True)
    for attempt in range(5):  # another process may take the free port between probe and listen
        port = _free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(
            _MAIN_CONFIG.format(prefix=prefix, port=port, site=site, mime_types=MIME_TYPES, generated=GENERATED_CONFIG),
            encoding="utf-8",
        )
        test = subprocess.run([NGINX, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)], capture_output=True, text=True)
        assert test.returncode == 0, f"nginx refuses the generated config:\n{test.stderr}"
        process = subprocess.Popen([NGINX, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)], stderr=subprocess.PIPE)
        while process.poll() is None and not _answers(port):
            time.sleep(0.05)
        if process.poll() is None:
            break
        if attempt == 4:
            raise RuntimeError(f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}")
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
