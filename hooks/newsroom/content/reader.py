"""Finding content files under articles/ and splitting them into front matter and body.

Front matter is read with python-frontmatter's YAML handler, with a loader that keeps dates as
text (the schema parses them, naive = Vietnam time) and refuses duplicate keys. Line numbers are
kept so every error can point at the line to fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import ContentError, SourceError
from .model import Kind
from .safe_files import PUBLISHED_SUFFIXES, is_regular, is_regular_dir, safe_tree, unpublished_error, unsafe_error
from .text import strip_control
from .yaml_errors import GENERAL_HINT, explain

KIND_DIRS: dict[str, Kind] = {"news": "news", "initiatives": "initiative"}
IGNORED_NAMES = {".DS_Store", "Thumbs.db", ".gitkeep", "desktop.ini"}
KEY_LINE_RE = re.compile(r"^([^\s#:'\"-][^:]*?)\s*:")


# libyaml's parser when PyYAML was built with it (it is, in the PyPI wheels): several times faster.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader without the timestamp resolver (the schema parses dates), refusing duplicate keys."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_document(self, node: yaml.Node) -> Any:
        _check_bounds(node)
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[str, Any]] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "tên trường phải là chữ, không phải danh sách hay bảng", key_node.start_mark
                )
            # With its type: `true:` and `1:` are two keys, though True == 1 in Python.
            key = (key_node.tag, self.construct_object(key_node, deep=deep))
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"khóa '{strip_control(key_node.value)}' xuất hiện hai lần", key_node.start_mark
                )
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


MAX_DEPTH = 8
"""Levels of lists and tables inside the front matter (members: [{...}] needs 3)."""
MAX_NODES = 2000
"""Values in one front matter: far above any real article, far below what could stall a build."""
MAX_FILE_BYTES = 1_000_000
"""A content file this big is not an article (a 650-word article is about 5 KB)."""


class BoundsError(yaml.constructor.ConstructorError):
    """Front matter the loader refuses to build; its hint is not about YAML syntax."""

    hint = "front matter chỉ gồm các trường của mẫu bài, mỗi trường một giá trị hoặc một danh sách ngắn"


def _check_bounds(root: yaml.Node) -> None:
    """Refuse aliases (the "billion laughs" bomb), deep nesting and huge front matter before building it."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise BoundsError(
                None, None, "front matter không dùng neo và bí danh YAML (&ten, *ten): hãy viết thẳng giá trị", node.start_mark
            )
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise BoundsError(None, None, f"front matter có hơn {MAX_NODES} giá trị", node.start_mark)
        if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)):
            if depth > MAX_DEPTH:
                raise BoundsError(
                    None, None, f"danh sách/bảng lồng nhau quá {MAX_DEPTH} tầng", node.start_mark
                )
            children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
            stack.extend((child, depth + 1) for child in reversed(children))


class _Handler(YAMLHandler):
    # python-frontmatter's own boundary (`^-{3,}\s*$`) also swallows the blank lines after a
    # `---`, which would shift every line number we report.
    FM_BOUNDARY = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)

    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass


HANDLER = _Handler()


@dataclass(frozen=True)
class Source:
    """One content file: a single `.md`, or the `index.md` of a bundle folder."""

    kind: Kind
    path: Path
    rel: str
    bundle: Path | None
    """The bundle folder when the file is `folder/index.md`; its other files go with the page."""
    files: tuple[Path, ...] = ()
    """The bundle's regular files as `find_sources` listed them (what the entry cache keys on)."""


@dataclass
class ParsedSource:
    source: Source
    meta: dict[str, Any]
    body: str
    body_line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _visible(path: Path) -> bool:
    return path.name not in IGNORED_NAMES and not path.name.startswith(".")


def _hidden_markdown(path: Path, root: Path) -> ContentError | None:
    """A Markdown file whose name starts with a dot: hidden by the file manager, never silently skipped here."""
    if path.name.startswith(".") and path.suffix.lower() == ".md":
        return ContentError(
            _rel(path, root),
            "tên tệp bắt đầu bằng dấu chấm (tệp ẩn) nên bài sẽ không được đăng",
            hint=f"đổi tên, bỏ dấu chấm ở đầu: {path.name.lstrip('.')}",
        )
    return None


def _safe_children(folder: Path, root: Path, errors: list[ContentError]) -> list[Path]:
    """The visible children of `folder` that may be read; links and special files go to `errors`."""
    children = []
    for child in sorted(folder.iterdir()):
        if not _visible(child):
            hidden = _hidden_markdown(child, root)
            if hidden is not None:
                errors.append(hidden)
            continue
        unsafe = unsafe_error(child, root)
        if unsafe is None:
            children.append(child)
        else:
            errors.append(unsafe)
    return children


def find_sources(root: Path) -> tuple[list[Source], list[ContentError]]:
    """Every content file under `root/articles`, and an error for every file that belongs nowhere."""
    articles = root / "articles"
    sources: list[Source] = []
    errors: list[ContentError] = []
    if not articles.is_dir():
        return sources, errors
    for child in _safe_children(articles, root, errors):
        kind = KIND_DIRS.get(child.name)
        if kind is not None and child.is_dir():
            _walk(child, kind, root, sources, errors)
        elif child.is_dir() and not _holds_markdown(child):
            errors.extend(_check_shared(child, root))
        else:
            errors.append(
                ContentError(
                    _rel(child, root),
                    "nằm ngoài hai thư mục nội dung nên sẽ không được đăng",
                    hint="đặt tin bài vào articles/news/ và sáng kiến vào articles/initiatives/; "
                    "thư mục ảnh dùng chung (như articles/hinh-anh/) chỉ chứa ảnh và PDF",
                )
            )
    return sources, errors


def shared_folders(root: Path) -> list[Path]:
    """Folders of articles/ beside news/ and initiatives/ holding no Markdown: photos several articles share.

    Their files are published only when an entry shows them, like loose files.
    """
    articles = root / "articles"
    if not articles.is_dir():
        return []
    return [
        child
        for child in sorted(articles.iterdir())
        if child.name not in KIND_DIRS and _visible(child) and is_regular_dir(child) and not _holds_markdown(child)
    ]


def _holds_markdown(folder: Path) -> bool:
    return any(name.lower().endswith(".md") for _, _, names in os.walk(folder) for name in names)


def _check_shared(folder: Path, root: Path) -> list[ContentError]:
    files, errors = safe_tree(folder, root)
    for path in files:
        unpublished = unpublished_error(path, root) if _visible(path) else None
        if unpublished is not None:
            errors.append(unpublished)
    return errors


def find_loose_files(root: Path, sources: list[Source]) -> list[Path]:
    """Files under the content folders that are neither a content file nor inside a bundle.

    They are published only when an entry uses them (a cover, an image in the body).
    """
    bundles = {s.bundle for s in sources if s.bundle is not None}
    loose = []
    shared = shared_folders(root)
    for folder in [root / "articles" / kind_dir for kind_dir in KIND_DIRS] + shared:
        if not folder.is_dir():
            continue
        # A shared folder's HTML, SVG... files are already reported as never published.
        only_published = folder in shared
        for top, dirs, names in os.walk(folder):
            here = Path(top)
            dirs[:] = sorted(d for d in dirs if here / d not in bundles)  # a bundle's files are its own
            for name in sorted(names):
                path = here / name
                if path.suffix.lower() != ".md" and _visible(path) and is_regular(path):
                    if only_published and path.suffix.lower() not in PUBLISHED_SUFFIXES:
                        continue
                    loose.append(path)
    return sorted(loose)


def _walk(folder: Path, kind: Kind, root: Path, sources: list[Source], errors: list[ContentError]) -> None:
    index = folder / "index.md"
    if index.is_file() and folder.name not in KIND_DIRS:
        unsafe = unsafe_error(index, root)
        if unsafe is not None:
            errors.append(unsafe)
            return
        files, unsafe_files = safe_tree(folder, root)
        sources.append(Source(kind, index, _rel(index, root), bundle=folder, files=tuple(files)))
        errors.extend(unsafe_files)
        for path in files:
            unpublished = unpublished_error(path, root) if _visible(path) else _hidden_markdown(path, root)
            if unpublished is not None:
                errors.append(unpublished)
        for extra in files:
            if extra.suffix.lower() == ".md" and extra != index and _visible(extra):
                errors.append(
                    ContentError(
                        _rel(extra, root),
                        "tệp Markdown thứ hai trong thư mục bài viết sẽ không được đăng",
                        hint="mỗi thư mục chỉ chứa một bài (index.md); tách bài này ra thư mục riêng",
                    )
                )
        return
    for child in _safe_children(folder, root, errors):
        if child.is_dir():
            _walk(child, kind, root, sources, errors)
        elif child.suffix.lower() == ".md":
            sources.append(Source(kind, child, _rel(child, root), bundle=None))


def parse_source(source: Source, text: str | None = None) -> ParsedSource:
    """Split a content file into front matter (a mapping) and Markdown body; raise ContentError.

    `text` is the file's content when the caller has already read it (as `read_text` would).
    """
    if not is_regular(source.path):
        raise SourceError(
            ContentError(source.rel, "không phải tệp thông thường (liên kết, FIFO, thiết bị...), không được đọc")
        )
    size = source.path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(
            ContentError(
                source.rel,
                f"tệp dài {size / 1_000_000:.1f} MB, tối đa {MAX_FILE_BYTES // 1_000_000} MB cho một bài",
                hint="chia thành nhiều bài; ảnh và tài liệu đặt thành tệp riêng trong thư mục bài",
            )
        )
    try:
        raw = source.path.read_text(encoding="utf-8") if text is None else text
    except UnicodeDecodeError as exc:
        raise SourceError(
            ContentError(source.rel, f"tệp không phải UTF-8 ({exc.reason})", hint="lưu lại tệp với bảng mã UTF-8")
        ) from exc
    text = raw.lstrip("\ufeff")
    stripped = text.lstrip("\r\n \t")
    offset = text[: len(text) - len(stripped)].count("\n")
    text = stripped.replace("\r\n", "\n")
    if not HANDLER.detect(text):
        raise SourceError(
            ContentError(
                source.rel,
                "thiếu phần thông tin đầu bài (front matter)",
                line=1,
                hint="tệp phải bắt đầu bằng một dòng '---', các trường title, date..., rồi một dòng '---'",
            )
        )
    try:
        fm, body = HANDLER.split(text)
    except ValueError as exc:
        raise SourceError(
            ContentError(
                source.rel,
                "phần thông tin đầu bài chưa được đóng",
                line=offset + 1,
                hint="thêm một dòng '---' sau trường cuối cùng",
            )
        ) from exc
    first_line = offset + 1
    try:
        meta = HANDLER.load(fm)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = exc.problem or str(exc)
        if problem.isascii():  # the parser's English: say it in Vietnamese, with the line corrected
            explained = explain(exc, fm)
            raise SourceError(
                ContentError(
                    source.rel, f"lỗi cú pháp YAML: {explained.message}", line=first_line + explained.index, hint=explained.hint
                )
            ) from exc
        raise SourceError(
            ContentError(
                source.rel,
                f"lỗi YAML: {problem}" if isinstance(exc, BoundsError) else f"lỗi cú pháp YAML: {problem}",
                line=line,
                hint=exc.hint
                if isinstance(exc, BoundsError)
                else "kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép; giá trị có dấu ':' cần đặt trong ngoặc kép",
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise SourceError(ContentError(source.rel, "lỗi cú pháp YAML", line=first_line, hint=GENERAL_HINT)) from exc
    if not isinstance(meta, dict):
        raise SourceError(
            ContentError(
                source.rel,
                f"phần thông tin đầu bài phải là các cặp 'trường: giá trị', nhận được {type(meta).__name__}",
                line=first_line,
                hint='ví dụ: title: "Tiêu đề bài viết"',
            )
        )
    key_lines: dict[str, int] = {}
    for index, text_line in enumerate(fm.split("\n")):
        match = KEY_LINE_RE.match(text_line)
        if match:
            key_lines.setdefault(match[1].strip(), first_line + index)
    closing_line = first_line + fm.count("\n")
    return ParsedSource(source, meta, body, body_line=closing_line, key_lines=key_lines)
