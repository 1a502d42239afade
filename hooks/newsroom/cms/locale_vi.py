"""The Vietnamese phrases Decap CMS's own `vi` locale lacks (decap-cms-locales 3.x has 171 of the 248
English keys). The desk merges them over the package's `vi` and registers the result
(`CMS.registerLocale`), so no English shows in the UI; tests/unit/cms/test_locale.py compares the
keys with the installed package's `en` locale.
"""

from __future__ import annotations

MISSING_VI: dict[str, str] = {
    # Decap's own "＋ %{collectionLabel}" uses the fullwidth plus (U+FF0B), which common fonts lack
    # and draw as an empty box (seen in the desk's screenshot); a word reads better anyway.
    "collection.collectionTop.newButton": "Thêm %{collectionLabel}",
    "auth.loginWithAzure": "Đăng nhập bằng Azure",
    "auth.loginWithForgejo": "Đăng nhập bằng Forgejo",
    "collection.collectionTop.viewAsList": "Xem dạng danh sách",
    "collection.collectionTop.viewAsGrid": "Xem dạng lưới",
    "collection.collectionTop.groupBy": "Nhóm theo",
    "collection.entries.unpublishedHeader": "Bài chưa đăng",
    "collection.groups.other": "Khác",
    "collection.groups.negateLabel": "Không %{label}",
    "editor.editorControl.field.widgetLabel": "Ô %{widgetLabel}",
    "editor.editorControlPane.i18n.writingInLocale": "Đang viết bằng %{locale}",
    "editor.editorControlPane.i18n.copyFromLocale": "Điền từ ngôn ngữ khác",
    "editor.editorControlPane.i18n.copyFromLocaleConfirm": "Bạn có muốn điền nội dung từ ngôn ngữ %{locale}?\nToàn bộ nội dung hiện có sẽ bị ghi đè.",
    "editor.editorInterface.toggleI18n": "Bật/tắt đa ngôn ngữ",
    "editor.editorInterface.togglePreview": "Bật/tắt xem trước",
    "editor.editorInterface.toggleScrollSync": "Cuộn đồng bộ",
    "editor.editorInterface.toggleNotes": "Bật/tắt ghi chú",
    "editor.editorNotesPane.title": "Ghi chú",
    "editor.editorNotesPane.emptyState": "Chưa có ghi chú. Thêm ghi chú đầu tiên bên dưới để cùng trao đổi.",
    "editor.editorNotesPane.addNote": "Thêm ghi chú",
    "editor.editorNotesPane.addPlaceholder": "Thêm một ghi chú...",
    "editor.editorNotesPane.editPlaceholder": "Sửa ghi chú...",
    "editor.editorNotesPane.save": "Lưu",
    "editor.editorNotesPane.cancel": "Huỷ",
    "editor.editorNotesPane.edit": "Sửa",
    "editor.editorNotesPane.delete": "Xoá",
    "editor.editorNotesPane.resolve": "Đánh dấu đã xử lý",
    "editor.editorNotesPane.unresolve": "Mở lại",
    "editor.editorNotesPane.confirmDelete": "Bạn có chắc muốn xoá ghi chú này?",
    "editor.editorNotesPane.shortcut": "Mẹo: nhấn Ctrl+Enter để thêm ghi chú nhanh",
    "editor.editorToolbar.statusInfoTooltipDraft": "Bài đang ở trạng thái nháp. Để hoàn tất và gửi duyệt, chuyển trạng thái sang «Đang duyệt»",
    "editor.editorToolbar.statusInfoTooltipInReview": "Bài đang được duyệt, không cần làm gì thêm. Bạn vẫn có thể sửa bài trong lúc duyệt.",
    "editor.editorWidgets.markdown.bold": "Đậm",
    "editor.editorWidgets.markdown.italic": "Nghiêng",
    "editor.editorWidgets.markdown.strikethrough": "Gạch ngang",
    "editor.editorWidgets.markdown.code": "Mã",
    "editor.editorWidgets.markdown.link": "Liên kết",
    "editor.editorWidgets.markdown.linkPrompt": "Nhập địa chỉ của liên kết",
    "editor.editorWidgets.markdown.headings": "Tiêu đề mục",
    "editor.editorWidgets.markdown.quote": "Trích dẫn",
    "editor.editorWidgets.markdown.bulletedList": "Danh sách dấu đầu dòng",
    "editor.editorWidgets.markdown.numberedList": "Danh sách đánh số",
    "editor.editorWidgets.markdown.addComponent": "Thêm thành phần",
    "editor.editorWidgets.markdown.toggleMode.rich": "Chuyển sang soạn thảo trực quan",
    "editor.editorWidgets.markdown.toggleMode.markdown": "Chuyển sang soạn thảo Markdown",
    "editor.editorWidgets.image.chooseMultiple": "Chọn ảnh",
    "editor.editorWidgets.image.chooseUrl": "Chèn từ địa chỉ URL",
    "editor.editorWidgets.image.replaceUrl": "Thay bằng địa chỉ URL",
    "editor.editorWidgets.image.promptUrl": "Nhập địa chỉ URL của ảnh",
    "editor.editorWidgets.image.addMore": "Thêm ảnh",
    "editor.editorWidgets.image.removeAll": "Xoá tất cả ảnh",
    "editor.editorWidgets.file.chooseUrl": "Chèn từ địa chỉ URL",
    "editor.editorWidgets.file.chooseMultiple": "Chọn tệp",
    "editor.editorWidgets.file.replaceUrl": "Thay bằng địa chỉ URL",
    "editor.editorWidgets.file.promptUrl": "Nhập địa chỉ URL của tệp",
    "editor.editorWidgets.file.addMore": "Thêm tệp",
    "editor.editorWidgets.file.removeAll": "Xoá tất cả tệp",
    "editor.editorWidgets.datetime.setToNow": "Đặt %{fieldLabel} là bây giờ",
    "editor.editorWidgets.list.add": "Thêm %{item}",
    "editor.editorWidgets.list.addType": "Thêm %{item}",
    "editor.editorWidgets.object.expand": "Mở rộng",
    "editor.editorWidgets.object.collapse": "Thu gọn",
    "mediaLibrary.mediaLibraryCard.copy": "Sao chép",
    "mediaLibrary.mediaLibraryCard.copyUrl": "Sao chép địa chỉ URL",
    "mediaLibrary.mediaLibraryCard.copyPath": "Sao chép đường dẫn",
    "mediaLibrary.mediaLibraryCard.copyName": "Sao chép tên",
    "mediaLibrary.mediaLibraryCard.copied": "Đã sao chép",
    "mediaLibrary.mediaLibraryModal.close": "Đóng",
    "ui.settingsDropdown.account": "Tuỳ chọn tài khoản",
    "ui.toast.noteAdded": "Đã thêm ghi chú",
    "ui.toast.onFailToAddNote": "Không thêm được ghi chú: %{details}",
    "ui.toast.noteUpdated": "Đã cập nhật ghi chú",
    "ui.toast.onFailToUpdateNote": "Không cập nhật được ghi chú: %{details}",
    "ui.toast.noteDeleted": "Đã xoá ghi chú",
    "ui.toast.onFailToDeleteNote": "Không xoá được ghi chú: %{details}",
    "ui.toast.noteResolved": "Đã đánh dấu ghi chú đã xử lý",
    "ui.toast.noteReopened": "Đã mở lại ghi chú",
    "ui.toast.onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}",
}


def nested(flat: dict[str, str]) -> dict[str, object]:
    """`{"a.b": x}` -> `{"a": {"b": x}}`: the shape of a Decap locale."""
    tree: dict[str, object] = {}
    for key, value in flat.items():
        node = tree
        *parents, last = key.split(".")
        for part in parents:
            child = node.setdefault(part, {})
            assert isinstance(child, dict)
            node = child
        node[last] = value
    return tree
