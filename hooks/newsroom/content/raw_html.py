"""Raw HTML in a body that the sanitiser would turn into silent loss.

An HTML parser reads everything after `<script>`, `<style>`, `<textarea>`... as that element's
text until its end tag, and everything after `<!--` as a comment until `-->`. The sanitiser
removes such elements and comments with their content, so one that is never closed would delete
the rest of the article from its page, its feeds and the search index without a word. Here it is
an error naming the line instead. (A closed `<script>…</script>` is simply removed: that is the
sanitiser's job, and nothing the reader should see is lost.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RAW_TEXT_ELEMENTS = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
_OPEN_RE = re.compile(r"<(?P<name>" + "|".join(RAW_TEXT_ELEMENTS) + r")(?=[\s/>])|<!--", re.IGNORECASE)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class RawHtmlProblem:
    offset: int
    message: str
    hint: str


def unclosed_elements(scan: str) -> list[RawHtmlProblem]:
    """Raw-text elements and comments opened in `scan` (a body with code blanked out) and never closed."""
    problems: list[RawHtmlProblem] = []
    position = 0
    while (match := _OPEN_RE.search(scan, position)) is not None:
        name = match["name"]
        if name is None:
            end = scan.find("-->", match.end())
            if end == -1:
                problems.append(
                    RawHtmlProblem(
                        match.start(),
                        "chú thích HTML '<!--' không có '-->' đóng lại",
                        "thêm '-->' ở cuối chú thích, hoặc xoá '<!--'",
                    )
                )
                break
            position = end + 3
            continue
        close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(scan, match.end())
        if close is None or name.lower() == "plaintext":
            problems.append(
                RawHtmlProblem(
                    match.start(),
                    f"thẻ <{name.lower()}> không được đóng: phần còn lại của bài sẽ bị mất",
                    f"bài viết không dùng thẻ <{name.lower()}>; xoá thẻ (hoặc đặt trong khối mã ``` nếu muốn hiện nguyên văn)",
                )
            )
            break
        position = close.end()
    return problems


def without_comments(body: str) -> str:
    return _COMMENT_RE.sub("", body)
