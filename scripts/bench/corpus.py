"""The deterministic synthetic corpus: Vietnamese news articles, initiatives and an image pool.

Everything comes from one `random.Random(seed)`: the same seed and sizes give byte-identical files.
Images are drawn once per run into a pool (`pool/pNNN.jpg`) and hard-linked into each bundle.
"""

from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

PROJECT = Path(__file__).resolve().parents[2]
POOL_SIZE = 200
IMAGE_SIZE = (1600, 1200)
TARGET_WORDS = 650

WORDS = ["chuyển", "đổi", "số", "thanh", "niên", "đoàn", "viên", "tổ", "công", "nghệ", "cộng", "đồng", "hướng", "dẫn", "người", "dân", "dịch", "vụ", "công", "trực", "tuyến", "thương", "mại", "điện", "tử", "livestream", "nông", "sản", "tập", "huấn", "an", "toàn", "thông", "tin", "mạng", "học", "khởi", "nghiệp", "hạ", "tầng", "xã", "phường", "tỉnh", "kỹ", "năng", "điện", "thoại", "ứng", "dụng", "định", "danh", "tài", "khoản", "hồ", "sơ", "cán", "bộ", "học", "sinh", "sinh", "viên", "giáo", "viên", "phụ", "huynh", "thôn", "bản", "miền", "núi", "vùng", "cao", "đồng", "bằng", "hợp", "tác", "xã", "sản", "phẩm", "gian", "hàng", "thanh", "toán", "không", "dùng", "tiền", "mặt", "mã", "QR", "bưu", "điện", "trạm", "y", "tế", "trường", "học", "thư", "viện", "số", "bản", "đồ", "dữ", "liệu", "nền", "tảng", "phần", "mềm", "máy", "tính", "mạng", "wifi", "cáp", "quang", "mùa", "vụ", "giá", "cả", "khách", "hàng", "đơn", "hàng", "vận", "chuyển", "chất", "lượng", "niềm", "tin", "sáng", "kiến", "đề", "án", "kế", "hoạch", "năm", "tháng", "tuần"]
TAGS = (
    "Ngày Chuyển đổi số quốc gia", "Tổ công nghệ số", "dịch vụ công", "định danh điện tử", "VNeID",
    "thanh toán số", "mã QR", "livestream", "nông sản", "OCOP", "sàn thương mại điện tử", "an toàn mạng",
    "lừa đảo trực tuyến", "học trực tuyến", "thư viện số", "kỹ năng số", "bình dân học vụ số", "khởi nghiệp",
    "hạ tầng số", "wifi miễn phí", "cáp quang", "vùng cao", "đồng bào dân tộc", "người cao tuổi", "học sinh",
    "sinh viên tình nguyện", "Mùa hè xanh", "Tháng Thanh niên", "Thành Đoàn", "Tỉnh đoàn", "hợp tác xã",
    "du lịch số", "y tế số", "bản đồ số", "dữ liệu mở", "trí tuệ nhân tạo", "chữ ký số", "sổ sức khỏe điện tử",
    "chính quyền số", "công dân số",
)
assert len(TAGS) == 40
UNITS = ("Tỉnh đoàn", "Thành Đoàn", "Đoàn Thanh niên xã", "Hội Liên hiệp Thanh niên", "Đoàn trường")
AUTHORS = ("Ban biên tập", "Nguyễn Minh Anh", "Trần Thu Hà", "Lê Quốc Bảo", "Phạm Ngọc Lan", "Võ Hoàng Yến")
NAMES = ("Nguyễn Văn An", "Trần Thị Bích", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Giang", "Đặng Gia Huy")


def _yaml_keys(path: Path, section: str | None = None) -> tuple[str, ...]:
    """Top-level keys of a taxonomy file (or of one mapping in it), without a YAML dependency on order."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple((data[section] if section else data).keys())


DATA = PROJECT / "hooks" / "newsroom" / "content" / "data"
PROVINCES = _yaml_keys(DATA / "provinces.yml", "units")
CATEGORIES = _yaml_keys(DATA / "categories.yml")
FIELDS = _yaml_keys(DATA / "fields.yml")
AWARDS = _yaml_keys(DATA / "awards.yml")


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    date: str  # "YYYY-MM-DD HH:MM", Vietnam time
    year: int
    author: str
    category: str
    tags: tuple[str, ...]
    province: str
    description: str
    lead: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs)
    bullets: tuple[str, ...]
    link: tuple[str, str]  # (text, url)
    cover: int  # pool index
    body_images: tuple[int, int]


@dataclass(frozen=True)
class Initiative:
    slug: str
    title: str
    date: str  # "YYYY-MM-DD"
    year: int
    team: str
    members: tuple[tuple[str, int, str], ...]
    province: str
    field: str
    award: str | None
    description: str
    paragraphs: tuple[str, ...]
    images: tuple[int, int]


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    initiatives: tuple[Initiative, ...]
    pool: Path  # folder of pNNN.jpg

    def image(self, index: int) -> Path:
        return self.pool / f"p{index:03d}.jpg"


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def _two(values: list[int]) -> tuple[int, int]:
    first, second = values
    return first, second


def _paragraph(rng: random.Random, words: int) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng, 9, 18)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def _article(rng: random.Random, number: int) -> Article:
    year = 2022 + number % 4
    month, day = 1 + rng.randrange(12), 1 + rng.randrange(28)
    hour, minute = rng.randrange(6, 22), rng.randrange(60)
    title = f"{_sentence(rng, 7, 12)[:-1]} (bài {number + 1})"
    lead = _paragraph(rng, 45)
    sections = []
    words = len(lead.split())
    count = rng.randint(3, 5)
    per_section = (TARGET_WORDS - 45 - 40) // count
    for _ in range(count):
        heading = _sentence(rng, 3, 6)[:-1]
        paragraphs = tuple(_paragraph(rng, per_section // 2) for _ in range(2))
        words += sum(len(p.split()) for p in paragraphs)
        sections.append((heading, paragraphs))
    bullets = tuple(_sentence(rng, 6, 10) for _ in range(rng.randint(3, 5)))
    cover, first, second = rng.sample(range(POOL_SIZE), 3)
    return Article(
        slug=f"bai-{number + 1:05d}",
        title=title,
        date=f"{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}",
        year=year,
        author=rng.choice(AUTHORS),
        category=rng.choice(CATEGORIES),
        tags=tuple(rng.sample(TAGS, rng.randint(2, 4))),
        province=rng.choice(PROVINCES),
        description=_paragraph(rng, 25)[:290],
        lead=lead,
        sections=tuple(sections),
        bullets=bullets,
        link=("Cổng Dịch vụ công quốc gia", f"https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?bai={number + 1}"),
        cover=cover,
        body_images=(first, second),
    )


def _initiative(rng: random.Random, number: int) -> Initiative:
    year = 2022 + number % 4
    return Initiative(
        slug=f"sang-kien-{number + 1:05d}",
        title=f"{_sentence(rng, 4, 8)[:-1]} (sáng kiến {number + 1})",
        date=f"{year}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}",
        year=year,
        team=f"Nhóm thanh niên {rng.choice(WORDS)} {number + 1}",
        members=tuple((rng.choice(NAMES), rng.randint(19, 30), rng.choice(("Trưởng nhóm", "Thành viên", "Kỹ thuật"))) for _ in range(rng.randint(1, 3))),
        province=rng.choice(PROVINCES),
        field=rng.choice(FIELDS),
        award=rng.choice((*AWARDS, None)),
        description=_paragraph(rng, 25)[:290],
        paragraphs=tuple(_paragraph(rng, 60) for _ in range(3)),
        images=_two(rng.sample(range(POOL_SIZE), 2)),
    )


def generate(count: int, pool: Path, *, seed: int = 2025, image_size: tuple[int, int] = IMAGE_SIZE) -> Corpus:
    """`count` articles, `count // 10` initiatives and the image pool (drawn unless already there at that size)."""
    rng = random.Random(seed)
    articles = tuple(_article(rng, number) for number in range(count))
    initiatives = tuple(_initiative(rng, number) for number in range(count // 10))
    draw_pool(pool, seed=seed, size=image_size)
    return Corpus(articles, initiatives, pool)


def draw_pool(pool: Path, *, seed: int, size: tuple[int, int]) -> None:
    stamp = pool / f".drawn-{seed}-{size[0]}x{size[1]}"
    if stamp.exists():
        return
    shutil.rmtree(pool, ignore_errors=True)
    pool.mkdir(parents=True)
    for index in range(POOL_SIZE):
        draw_image(random.Random(f"{seed}-image-{index}"), size).save(pool / f"p{index:03d}.jpg", "JPEG", quality=85)
    stamp.touch()


def draw_image(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """A photo-like picture: a colour gradient, shapes and fine noise (so it does not compress to nothing)."""
    width, height = size
    small = Image.new("RGB", (4, 3))
    small.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(12)])
    image = small.resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(12, 30)):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(width // 40 + 1, width // 5 + 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            draw.rectangle((x - r, y - r // 2, x + r, y + r // 2), fill=colour)
    noise = Image.frombytes("L", (width // 2, height // 2), rng.randbytes((width // 2) * (height // 2)))
    noise = noise.resize(size, Image.Resampling.BILINEAR).convert("RGB")
    return Image.blend(image, noise, 0.18)


def link(source: Path, dest: Path) -> None:
    """Hard-link a pool image into a bundle (copy when linking is not possible)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


def body_markdown(article: Article, image_names: tuple[str, str], *, lead_bold: bool = True, more: bool = False) -> str:
    """The article body in Markdown (shared by the three layouts): bold lead, sections, a list, a link, two images."""
    parts = [f"**{article.lead}**" if lead_bold else article.lead]
    if more:
        parts.append("<!-- more -->")
    for number, (heading, paragraphs) in enumerate(article.sections):
        parts.append(f"## {heading}")
        parts.extend(paragraphs)
        if number == 0:
            parts.append(f"![Ảnh minh họa thứ nhất của bài {article.slug}]({image_names[0]})")
            parts.append("\n".join(f"- {bullet}" for bullet in article.bullets))
        if number == 1:
            parts.append(f"![Ảnh minh họa thứ hai của bài {article.slug}]({image_names[1]})")
            parts.append(f"Xem thêm tại [{article.link[0]}]({article.link[1]}).")
    return "\n\n".join(parts) + "\n"


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def edit_title(path: Path, marker: str) -> None:
    """Edit one article as an editor would: a new title (carrying `marker`) and one more body line."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("title: "):
            lines[number] = f'title: "Bản sửa {marker}: {line[len("title: "):].strip().strip(chr(34))}"'
            break
    path.write_text("\n".join(lines).rstrip("\n") + f"\n\nDòng bổ sung {marker}.\n", encoding="utf-8")
