"""Social cards moved from PNG to JPEG: nginx sends an old card URL (a share made before) to the new one."""

from __future__ import annotations

from pathlib import Path

from test_server_nginx import fetch

from newsroom import routes


def test_nginx_old_png_card_answers_301_to_the_jpeg(nginx_url: str, sample_site: Path) -> None:
    cards = sorted(p.relative_to(sample_site).as_posix() for p in (sample_site / routes.CARDS).rglob("*.jpg"))
    assert routes.DEFAULT_CARD in cards and any("/bai-viet/" in c for c in cards)
    for card in [routes.DEFAULT_CARD, next(c for c in cards if "/bai-viet/" in c)]:
        status, headers, _ = fetch(nginx_url + card.removesuffix(".jpg") + ".png")
        assert (status, headers["Location"]) == (301, "/" + card), card
        status, headers, body = fetch(nginx_url + card)
        assert status == 200 and headers["Content-Type"] == "image/jpeg" and body[:3] == b"\xff\xd8\xff", card
