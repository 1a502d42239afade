"""Decap CMS `config.yml` generated from the schema module: one form field per front-matter key.

The keys, which are required and the taxonomy choices come from `content/schema.py` and the
taxonomies; this module adds only what a form needs besides them (the Vietnamese label, hint
and widget of each key, in `FORM_FIELDS`). `collections` fails when a schema key has no form
field, so a key added to the schema cannot be forgotten here (tests/unit/cms/test_forms.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from ..content.field_values import DESCRIPTION_MAX, MAX_TAGS, PERSONAL_DATA_HINT, TITLE_MAX
from ..content.rules import CONSENT_AGE
from ..content.schema import INITIATIVE_KEYS, INITIATIVE_REQUIRED, NEWS_KEYS, NEWS_REQUIRED
from ..content.taxonomy import Taxonomies, Vocabulary

DATE_FORMAT = "YYYY-MM-DD HH:mm"
"""How the datetime widget writes `date:` (moment.js tokens): the column's canonical form, read as Vietnam time."""
URL_PATTERN = "^https?://[^\\s/]+"
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
BUNDLE_PATH = "{{year}}/{{slug}}/index"
"""Entries are bundles: `<year>/<slug>/index.md`, the images uploaded beside it."""
BACKENDS = ("git-gateway", "gitea", "gitlab", "github")
PROXY_PORT = 8081
"""Decap's default local proxy port; `newsroom cms --proxy-port` passes another one to the preview (PROXY_PORT_ENV)."""
PROXY_PORT_ENV = "NEWSROOM_CMS_PROXY_PORT"
COLLECTIONS = {
    "news": ("tin-bai", "Tin bài", "Tin bài", "articles/news"),
    "initiative": ("sang-kien", "Sáng kiến", "Sáng kiến", "articles/initiatives"),
}
"""Entry kind -> (collection name, label, singular label, folder)."""


def _string(label: str, hint: str = "", **extra: Any) -> dict[str, Any]:
    return {"label": label, "widget": "string", "hint": hint, **extra}


def _datetime(label: str, hint: str) -> dict[str, Any]:
    """Vietnam time, written the way the schema reads it, shown day first."""
    return {"label": label, "widget": "datetime", "hint": hint, "format": DATE_FORMAT, "date_format": "DD/MM/YYYY", "time_format": "HH:mm"}


def _select(vocabulary: Callable[[Taxonomies], Mapping[str, str]]) -> Callable[[str, str, Taxonomies], dict[str, Any]]:
    def build(label: str, hint: str, taxonomies: Taxonomies) -> dict[str, Any]:
        options = [{"label": name, "value": key} for key, name in vocabulary(taxonomies).items()]
        return {"label": label, "widget": "select", "hint": hint, "options": options}

    return build


def _terms(get: Callable[[Taxonomies], Vocabulary]) -> Callable[[Taxonomies], Mapping[str, str]]:
    return lambda taxonomies: {key: term.name for key, term in get(taxonomies).terms.items()}


def _provinces(taxonomies: Taxonomies) -> Mapping[str, str]:
    """Today's 34 units, then the provinces before 1/7/2025 (older articles name them; the schema accepts both)."""
    units = {term.key: term.name for term in taxonomies.provinces.units.values()}
    legacy = {
        key: f"{province.name} (tỉnh cũ, nay thuộc {province.unit.name})"
        for key, province in taxonomies.provinces.legacy.items()
        if key not in units
    }
    return {**units, **legacy}


@dataclass(frozen=True)
class FormField:
    label: str
    hint: str
    widget: Callable[[str, str, Taxonomies], dict[str, Any]]


def _plain(widget: Callable[[str, str], dict[str, Any]]) -> Callable[[str, str, Taxonomies], dict[str, Any]]:
    return lambda label, hint, taxonomies: widget(label, hint)


def _members(label: str, hint: str) -> dict[str, Any]:
    return {
        "label": label,
        "widget": "list",
        "hint": hint,
        "label_singular": "thành viên",
        "summary": "{{fields.name}}",
        "fields": [
            _string("Họ và tên", "tên thật hoặc tên thường gọi"),
            {
                "label": "Tuổi",
                "widget": "number",
                "value_type": "int",
                "min": 5,
                "max": 100,
                "required": False,
                "hint": f"dưới {CONSENT_AGE} tuổi: cần đánh dấu «Đã có đồng ý của người giám hộ»",
            },
            _string("Trường, đơn vị", required=False),
            _string("Vai trò trong nhóm", "ví dụ: Trưởng nhóm", required=False),
        ],
    }


def _links(label: str, hint: str) -> dict[str, Any]:
    return {
        "label": label,
        "widget": "list",
        "hint": hint,
        "label_singular": "liên kết",
        "summary": "{{fields.label}}",
        "fields": [
            _string("Nhãn", "ví dụ: Trang sản phẩm"),
            _string("Địa chỉ", "bắt đầu bằng https:// hoặc http://", pattern=[URL_PATTERN, "cần địa chỉ http:// hoặc https://"]),
        ],
    }


def _images(label: str, hint: str) -> dict[str, Any]:
    return {
        "label": label,
        "widget": "list",
        "hint": hint,
        "label_singular": "ảnh",
        "summary": "{{fields.alt}}",
        "fields": [
            {"label": "Ảnh", "widget": "image", "choose_url": False, "hint": "ảnh JPG, PNG hoặc WebP; được lưu cạnh bài"},
            _string("Mô tả ảnh", "mô tả nội dung ảnh cho người khiếm thị"),
        ],
    }


_MEMBER_FIELD_NAMES = ("name", "age", "school", "role")
_LINK_FIELD_NAMES = ("label", "url")
_IMAGE_FIELD_NAMES = ("src", "alt")


def _named(field: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The sub-fields of a list widget get the schema's key names (name, age, ... / label, url)."""
    field["fields"] = [{"name": name, **sub} for name, sub in zip(names, field["fields"], strict=True)]
    return field


FORM_FIELDS: dict[str, FormField] = {
    "title": FormField("Tiêu đề", f"tối đa {TITLE_MAX} ký tự", _plain(_string)),
    "date": FormField(
        "Ngày đăng",
        "giờ Việt Nam; bài có ngày trong tương lai được lên lịch, chỉ đăng khi tới giờ",
        _plain(_datetime),
    ),
    "updated": FormField(
        "Ngày cập nhật",
        "giờ Việt Nam; chỉ điền khi sửa nội dung quan trọng sau khi đăng",
        _plain(_datetime),
    ),
    "authors": FormField(
        "Tác giả",
        "các tác giả cách nhau bằng dấu phẩy; ví dụ: Nguyễn Văn A, Trần Thị B",
        _plain(lambda label, hint: {"label": label, "widget": "list", "hint": hint, "label_singular": "tác giả"}),
    ),
    "category": FormField("Chuyên mục", "chọn một chuyên mục", _select(_terms(lambda t: t.categories))),
    "tags": FormField(
        "Thẻ",
        f"các thẻ cách nhau bằng dấu phẩy, tối đa {MAX_TAGS} thẻ; ví dụ: dịch vụ công, VNeID",
        _plain(lambda label, hint: {"label": label, "widget": "list", "hint": hint}),
    ),
    "province": FormField(
        "Tỉnh, thành", "34 tỉnh, thành sau sắp xếp ngày 1/7/2025; bài cũ có thể ghi tỉnh cũ (cuối danh sách)", _select(_provinces)
    ),
    "unit": FormField("Đơn vị", "ví dụ: Tỉnh đoàn Bắc Ninh, Thành Đoàn Hà Nội", _plain(_string)),
    "description": FormField(
        "Mô tả ngắn",
        f"một, hai câu tóm tắt, tối đa {DESCRIPTION_MAX} ký tự; hiện trong danh sách bài và khi chia sẻ",
        _plain(lambda label, hint: {"label": label, "widget": "text", "hint": hint}),
    ),
    "cover": FormField(
        "Ảnh bìa",
        "ảnh JPG, PNG hoặc WebP, được lưu cạnh bài; có ảnh bìa thì phải có mô tả ảnh bìa",
        _plain(lambda label, hint: {"label": label, "widget": "image", "hint": hint, "choose_url": False}),
    ),
    "cover_alt": FormField("Mô tả ảnh bìa", "mô tả nội dung ảnh cho người khiếm thị; bắt buộc khi có ảnh bìa", _plain(_string)),
    "featured": FormField(
        "Bài nổi bật",
        "hiện ở đầu trang chủ",
        _plain(lambda label, hint: {"label": label, "widget": "boolean", "hint": hint, "default": False}),
    ),
    "draft": FormField(
        "Bản nháp",
        "bản nháp chỉ hiện trong bản xem trước, không được đăng",
        _plain(lambda label, hint: {"label": label, "widget": "boolean", "hint": hint, "default": False}),
    ),
    "slug": FormField(
        "Đường dẫn (slug)",
        "để trống thì tạo từ tiêu đề; chỉ chữ thường không dấu, số và '-'",
        _plain(lambda label, hint: _string(label, hint, pattern=[SLUG_PATTERN, "chỉ chữ thường không dấu, số và '-'"])),
    ),
    "aliases": FormField(
        "Đường dẫn cũ",
        "slug cũ của bài, để liên kết cũ vẫn mở được",
        _plain(lambda label, hint: {"label": label, "widget": "list", "hint": hint}),
    ),
    "year": FormField(
        "Năm tôn vinh",
        "để trống thì lấy năm của ngày đăng",
        _plain(
            lambda label, hint: {"label": label, "widget": "number", "value_type": "int", "min": 2000, "max": 2100, "hint": hint}
        ),
    ),
    "members": FormField(
        "Thành viên",
        f"họ tên, tuổi, trường, vai trò; có thành viên dưới {CONSENT_AGE} tuổi thì phải có văn bản đồng ý của cha mẹ "
        f"hoặc người giám hộ và đánh dấu ô đồng ý bên dưới. {PERSONAL_DATA_HINT[0].upper()}{PERSONAL_DATA_HINT[1:]}",
        _plain(lambda label, hint: _named(_members(label, hint), _MEMBER_FIELD_NAMES)),
    ),
    "team": FormField("Tên nhóm", "ví dụ: Nhóm Sinh viên tình nguyện số", _plain(_string)),
    "field": FormField("Lĩnh vực", "chọn một lĩnh vực", _select(_terms(lambda t: t.fields))),
    "award": FormField("Giải thưởng", "để trống nếu sáng kiến được đề cử", _select(_terms(lambda t: t.awards))),
    "images": FormField(
        "Ảnh", "ít nhất một ảnh, mỗi ảnh có mô tả", _plain(lambda label, hint: _named(_images(label, hint), _IMAGE_FIELD_NAMES))
    ),
    "links": FormField(
        "Liên kết",
        "nhãn và địa chỉ http(s), ví dụ trang sản phẩm",
        _plain(lambda label, hint: _named(_links(label, hint), _LINK_FIELD_NAMES)),
    ),
    "consent": FormField(
        "Đã có đồng ý của người giám hộ",
        f"bắt buộc khi có thành viên dưới {CONSENT_AGE} tuổi: đánh dấu khi đã có văn bản đồng ý của cha mẹ hoặc người giám hộ",
        _plain(lambda label, hint: {"label": label, "widget": "boolean", "hint": hint, "default": False}),
    ),
}

BODY_FIELD = {
    "label": "Nội dung",
    "name": "body",
    "widget": "markdown",
    "hint": "tiêu đề mục và danh sách: dùng các nút trên thanh công cụ (hoặc chuyển sang soạn thảo Markdown: ## Tiêu đề mục, - mục danh sách)",
    "modes": ["rich_text", "raw"],
}


class MissingFormField(Exception):
    """A schema key without a form field: a code error, found by the tests and the build."""


def form_fields(keys: tuple[str, ...], required: tuple[str, ...], taxonomies: Taxonomies) -> list[dict[str, Any]]:
    """The Decap fields of one content type, in the schema's key order, the body last."""
    missing = [key for key in keys if key not in FORM_FIELDS]
    if missing:
        raise MissingFormField("trường của mẫu chưa có ô nhập trong trang biên tập /admin/: " + ", ".join(missing))
    fields = []
    for key in keys:
        spec = FORM_FIELDS[key]
        field = {"name": key, **spec.widget(spec.label, spec.hint, taxonomies)}
        field["required"] = key in required
        fields.append(field)
    return [*fields, BODY_FIELD]


def collections(taxonomies: Taxonomies) -> list[dict[str, Any]]:
    result = []
    for kind, keys, required in (("news", NEWS_KEYS, NEWS_REQUIRED), ("initiative", INITIATIVE_KEYS, INITIATIVE_REQUIRED)):
        name, label, singular, folder = COLLECTIONS[kind]
        result.append(
            {
                "name": name,
                "label": label,
                "label_singular": singular,
                "folder": folder,
                "create": True,
                "extension": "md",
                "format": "frontmatter",
                "path": BUNDLE_PATH,
                "slug": "{{slug}}",
                "media_folder": "",
                "public_folder": "",
                "identifier_field": "title",
                "summary": "{{title}} ({{year}})",
                "sortable_fields": ["date", "title"],
                "fields": form_fields(keys, required, taxonomies),
            }
        )
    return result


def backend(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """The Decap backend: the repository host of `extra.newsroom.cms`, or the local proxy's placeholder."""
    if not settings:
        return {"name": "git-gateway", "branch": "main"}
    return dict(settings)


def check_backend(settings: Any) -> list[str]:
    """Problems of `extra.newsroom.cms` (Vietnamese), empty when it is usable."""
    if settings is None:
        return []
    if not isinstance(settings, dict):
        return [f"extra.newsroom.cms: cần một bảng (name, repo, branch...), nhận được {settings!r}"]
    problems = []
    name = settings.get("name")
    if name not in BACKENDS:
        problems.append(f"extra.newsroom.cms.name: cần một trong {', '.join(BACKENDS)}, nhận được {name!r}")
    if name in ("gitea", "gitlab", "github") and not isinstance(settings.get("repo"), str):
        problems.append("extra.newsroom.cms.repo: cần tên kho dạng chu-so-huu/ten-kho")
    return problems


def config(
    taxonomies: Taxonomies, settings: Mapping[str, Any] | None, site_url: str, proxy_port: int = PROXY_PORT
) -> dict[str, Any]:
    return {
        "backend": backend(settings),
        "local_backend": {"url": f"http://127.0.0.1:{proxy_port}/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": "vi",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": "articles/hinh-anh",
        "public_folder": "",
        "publish_mode": "simple",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "omit_empty_optional_fields": True,
        "collections": collections(taxonomies),
    }


def config_yaml(taxonomies: Taxonomies, settings: Mapping[str, Any] | None, site_url: str, proxy_port: int = PROXY_PORT) -> str:
    header = "# Trang biên tập /admin/ (Decap CMS): tạo tự động từ mẫu bài (hooks/newsroom/cms/forms.py), đừng sửa tay.\n"
    return header + yaml.safe_dump(
        config(taxonomies, settings, site_url, proxy_port), allow_unicode=True, sort_keys=False, width=1000
    )
