"""Is a local port free for the preview? Asked before `mkdocs serve` starts, so a second preview
says so in Vietnamese instead of building the whole site and then failing with "Address already in use"."""

from __future__ import annotations

import errno
import socket


def port_taken(host: str, port: int) -> bool:
    """True when something already listens on host:port (binding as MkDocs' server does, with SO_REUSEADDR,
    so a port left in TIME_WAIT by a preview just stopped counts as free)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                return True
            raise
    return False


def port_taken_message(port: int) -> str:
    return f"Cổng {port} đang được dùng (có thể một bản xem trước khác đang chạy). Dùng: newsroom serve --port {port + 1}"
