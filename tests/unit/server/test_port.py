"""The port check before `newsroom serve` starts MkDocs."""

from __future__ import annotations

import argparse
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom.cli import serve
from newsroom.server.port import port_taken, port_taken_message


@pytest.fixture
def listening() -> Iterator[int]:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock.getsockname()[1]
    sock.close()


def test_a_port_something_listens_on_is_taken(listening: int) -> None:
    assert port_taken("127.0.0.1", listening)


def test_a_free_port_is_not_taken() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    assert not port_taken("127.0.0.1", port)


def test_the_message_names_the_port_and_the_next_one() -> None:
    assert port_taken_message(8000) == (
        "Cổng 8000 đang được dùng (có thể một bản xem trước khác đang chạy). Dùng: newsroom serve --port 8001"
    )


def test_serve_on_a_taken_port_says_so_and_exits_2_without_starting_mkdocs(
    listening: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_mkdocs(*args: object, **kwargs: object) -> None:
        raise AssertionError("mkdocs serve must not start on a taken port")

    monkeypatch.setattr("newsroom.cli.serve.subprocess.Popen", no_mkdocs)
    code = serve.command_serve(tmp_path, argparse.Namespace(host="127.0.0.1", port=listening))
    out = capsys.readouterr()
    assert code == 2 and out.err.strip() == port_taken_message(listening) and "Traceback" not in out.err


def test_serve_refuses_a_port_out_of_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert serve.command_serve(tmp_path, argparse.Namespace(host="127.0.0.1", port=70000)) == 2
    assert "Cổng 70000 không hợp lệ" in capsys.readouterr().err


def test_serve_runs_mkdocs_serve_on_the_address(tmp_path: Path) -> None:
    command = serve.serve_command(tmp_path, "127.0.0.1", 8001)
    assert command[1:4] == ["-m", "mkdocs", "serve"] and command[-2:] == ["--dev-addr", "127.0.0.1:8001"]
