"""The desk's Vietnamese: Decap's own `vi` locale plus ours covers every key of its English one."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata

from newsroom.cms.admin_page import REPOSITORY
from newsroom.cms.locale_vi import MISSING_VI, nested

LOCALES = REPOSITORY / "node_modules" / "decap-cms-locales" / "dist" / "esm"
SCRIPT = """
import en from '{en}'; import vi from '{vi}';
const flat = (o, p = '', out = {{}}) => {{ for (const [k, v] of Object.entries(o)) {{ const q = p ? p + '.' + k : k;
  if (v && typeof v === 'object') flat(v, q, out); else out[q] = v; }} return out; }};
const viFlat = flat(vi.default || vi);
console.log(JSON.stringify({{en: Object.keys(flat(en.default || en)), vi: Object.keys(viFlat), viText: viFlat}}));
"""


def test_locale_every_english_key_has_vietnamese() -> None:
    node = shutil.which("node")
    assert node is not None and LOCALES.is_dir(), "node and the npm packages are needed (npm install --ignore-scripts)"
    script = SCRIPT.format(en=LOCALES / "en" / "index.js", vi=LOCALES / "vi" / "index.js")
    result = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=True)
    keys = json.loads(result.stdout)
    missing = set(keys["en"]) - set(keys["vi"]) - set(MISSING_VI)
    assert missing == set()
    assert set(MISSING_VI) <= set(keys["en"])  # no stale key of ours


def test_locale_phrases_are_nfc_and_nested() -> None:
    assert all(unicodedata.is_normalized("NFC", text) for text in MISSING_VI.values())
    tree = nested({"a.b.c": "x", "a.d": "y"})
    assert tree == {"a": {"b": {"c": "x"}, "d": "y"}}


def test_locale_as_registered_has_no_fullwidth_plus() -> None:
    """Decap's vi says "＋ %{collectionLabel}"; U+FF0B draws as an empty box in fonts without it,
    so ours (merged over it by ban-bien-tap.js) replaces every phrase that has it."""
    node = shutil.which("node")
    assert node is not None and LOCALES.is_dir()
    script = SCRIPT.format(en=LOCALES / "en" / "index.js", vi=LOCALES / "vi" / "index.js")
    result = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=True)
    registered = {**json.loads(result.stdout)["viText"], **MISSING_VI}
    assert [key for key, text in registered.items() if isinstance(text, str) and "\uff0b" in text] == []
