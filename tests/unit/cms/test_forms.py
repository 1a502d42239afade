"""The desk's Decap config is generated from the schema: every key a field, required as the schema says."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from newsroom.cms import forms
from newsroom.cms.forms import FORM_FIELDS, MissingFormField, check_backend, collections, config_yaml, form_fields
from newsroom.content.rules import CONSENT_AGE
from newsroom.content.schema import INITIATIVE_KEYS, INITIATIVE_REQUIRED, NEWS_KEYS, NEWS_REQUIRED
from newsroom.content.taxonomy import load_taxonomies

TAXONOMIES = load_taxonomies()


def _collection(name: str) -> dict[str, Any]:
    config = yaml.safe_load(config_yaml(TAXONOMIES, None, "https://example.org/"))
    return next(c for c in config["collections"] if c["name"] == name)


def _fields(name: str) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in _collection(name)["fields"]}


@pytest.mark.parametrize(
    ("name", "keys", "required"), [("tin-bai", NEWS_KEYS, NEWS_REQUIRED), ("sang-kien", INITIATIVE_KEYS, INITIATIVE_REQUIRED)]
)
def test_forms_every_schema_key_is_a_field_required_as_the_schema_says(
    name: str, keys: tuple[str, ...], required: tuple[str, ...]
) -> None:
    fields = _fields(name)
    assert list(fields) == [*keys, "body"]
    assert {key for key in keys if fields[key]["required"]} == set(required)
    for key in keys:
        assert fields[key]["label"] and fields[key]["hint"], key


def test_forms_a_schema_key_without_a_form_field_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(FORM_FIELDS, "cover_alt")
    with pytest.raises(MissingFormField, match="cover_alt"):
        collections(TAXONOMIES)
    with pytest.raises(MissingFormField, match="ghi_chu"):
        form_fields(("title", "ghi_chu"), ("title",), TAXONOMIES)


def test_forms_selects_list_the_taxonomy_labels() -> None:
    news, initiative = _fields("tin-bai"), _fields("sang-kien")
    categories = {o["value"]: o["label"] for o in news["category"]["options"]}
    assert categories == {key: term.name for key, term in TAXONOMIES.categories.terms.items()}
    provinces = {o["value"]: o["label"] for o in news["province"]["options"]}
    assert provinces["ha-noi"] == "Hà Nội" and provinces["dak-lak"] == "Đắk Lắk"
    assert set(TAXONOMIES.provinces.units) <= set(provinces) and set(TAXONOMIES.provinces.legacy) <= set(provinces)
    assert "tỉnh cũ" in provinces["ha-giang"]
    assert {o["value"]: o["label"] for o in initiative["field"]["options"]} == {
        k: t.name for k, t in TAXONOMIES.fields.terms.items()
    }
    assert {o["value"] for o in initiative["award"]["options"]} == set(TAXONOMIES.awards.terms)
    assert initiative["province"]["widget"] == "select"


def test_forms_widgets_of_dates_lists_members_links() -> None:
    news, initiative = _fields("tin-bai"), _fields("sang-kien")
    assert news["date"]["widget"] == "datetime" and news["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert "giờ Việt Nam" in news["date"]["hint"]
    assert news["tags"]["widget"] == "list" and "fields" not in news["tags"]
    assert news["cover"]["widget"] == "image" and news["cover_alt"]["widget"] == "string"
    members = initiative["members"]
    assert [f["name"] for f in members["fields"]] == ["name", "age", "school", "role"]
    assert f"dưới {CONSENT_AGE} tuổi" in members["hint"] and "người giám hộ" in members["hint"]
    assert initiative["consent"]["widget"] == "boolean" and f"dưới {CONSENT_AGE} tuổi" in initiative["consent"]["hint"]
    links = initiative["links"]
    url = next(f for f in links["fields"] if f["name"] == "url")
    assert [f["name"] for f in links["fields"]] == ["label", "url"] and url["pattern"][0].startswith("^https?://")
    assert [f["name"] for f in initiative["images"]["fields"]] == ["src", "alt"]


def test_forms_bundles_slugs_and_backend() -> None:
    news = _collection("tin-bai")
    assert news["folder"] == "articles/news" and _collection("sang-kien")["folder"] == "articles/initiatives"
    assert news["path"] == "{{year}}/{{slug}}/index" and news["media_folder"] == "" and news["public_folder"] == ""
    config = yaml.safe_load(
        config_yaml(TAXONOMIES, {"name": "gitea", "repo": "doan/chuyen-muc", "base_url": "https://git.example.org"}, "https://x/")
    )
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert config["backend"]["name"] == "gitea" and config["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert config["locale"] == "vi"


def test_forms_backend_setting_is_checked() -> None:
    assert check_backend(None) == [] and check_backend({"name": "github", "repo": "a/b"}) == []
    assert "extra.newsroom.cms.name" in check_backend({"name": "dropbox"})[0]
    assert "repo" in check_backend({"name": "gitlab"})[0]
    assert check_backend("github")


def test_forms_proxy_port() -> None:
    config = yaml.safe_load(config_yaml(TAXONOMIES, None, "https://x/", proxy_port=9123))
    assert config["local_backend"]["url"] == "http://127.0.0.1:9123/api/v1"
    assert forms.PROXY_PORT == 8081
