"""`newsroom serve` and `newsroom build` on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from newsroom.cli import main


def test_serve_and_build_are_commands_with_their_options() -> None:
    parser = main.build_parser()
    args = parser.parse_args(["serve", "--port", "8001"])
    assert (args.command, args.port, args.host) == ("serve", 8001, "127.0.0.1")
    assert parser.parse_args(["serve"]).port == 8000
    assert parser.parse_args(["build"]).command == "build"


def test_build_publishes_into_the_project_site_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def publish(root: Path, args: argparse.Namespace) -> int:
        seen.append((root, args.dest))
        return 0

    monkeypatch.setattr("newsroom.cli.serve.publish.command_publish", publish)
    assert main.main(["--root", str(tmp_path), "build"]) == 0
    assert seen == [(tmp_path.resolve(), None)]
