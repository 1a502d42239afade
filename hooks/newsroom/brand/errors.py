"""Brand-kit errors: each names the `brand.yml` field, what is wrong and how to fix it."""

from __future__ import annotations

from ..content.errors import ContentError


class BrandError(Exception):
    """One problem in the brand kit, e.g. field `colors.accent` or `banners[1].file`."""

    def __init__(self, field: str, message: str, hint: str | None = None) -> None:
        super().__init__(f"[{field}] {message}" + (f" (gợi ý: {hint})" if hint else ""))
        self.field = field
        self.message = message
        self.hint = hint

    def as_content_error(self, path: str) -> ContentError:
        """The same problem as a ContentError of `path` (brand.yml relative to the project)."""
        return ContentError(path=path, message=self.message, field=self.field, hint=self.hint)


class BrandErrors(Exception):
    """Every problem found in one pass over a kit, raised once."""

    def __init__(self, path: str, errors: list[BrandError]) -> None:
        self.path = path
        self.errors = errors
        super().__init__(self.format())

    @property
    def fields(self) -> list[str]:
        return [error.field for error in self.errors]

    def as_content_errors(self) -> list[ContentError]:
        return [error.as_content_error(self.path) for error in self.errors]

    def format(self) -> str:
        lines = [f"Bộ nhận diện {self.path} có {len(self.errors)} lỗi cần sửa:"]
        lines += [f"  - {error.as_content_error(self.path).format()}" for error in self.errors]
        return "\n".join(lines)
