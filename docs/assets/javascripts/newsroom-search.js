/* The column's search: Pagefind's UI in the dialog of partials/search-dialog.html. Nothing loads
   until a reader opens it (button in the header, "/" or Ctrl+K); then only pagefind-ui.js/css and
   the index fragments a query needs are fetched, all from this site. */
(function () {
  var dialog = document.getElementById("nr-search");
  var mount = document.getElementById("nr-search-ui");
  if (!dialog || !mount) return;
  // Absolute: Pagefind resolves a relative bundle path against its own script, not the page.
  var bundle = new URL(mount.getAttribute("data-bundle"), location.href).href;
  var ready = null;
  var entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function asText(value) {
    return String(value).replace(/[&<>"']/g, function (c) { return entities[c]; });
  }
  var translations = {
    placeholder: "Tìm kiếm tin bài, sáng kiến…",
    clear_search: "Xoá",
    load_more: "Xem thêm kết quả",
    search_label: "Tìm kiếm trong chuyên mục",
    filters_label: "Lọc theo",
    zero_results: "Không tìm thấy kết quả cho [SEARCH_TERM]",
    many_results: "[COUNT] kết quả cho [SEARCH_TERM]",
    one_result: "[COUNT] kết quả cho [SEARCH_TERM]",
    total_zero_results: "Không có kết quả",
    total_one_result: "[COUNT] kết quả",
    total_many_results: "[COUNT] kết quả",
    alt_search: "Không có kết quả cho [SEARCH_TERM]. Hiển thị kết quả cho [DIFFERENT_TERM]",
    search_suggestion: "Không có kết quả cho [SEARCH_TERM]. Hãy thử:",
    searching: "Đang tìm [SEARCH_TERM]…",
    results_label: "Kết quả tìm kiếm",
    keyboard_navigate: "di chuyển",
    keyboard_select: "chọn",
    keyboard_clear: "xoá",
    keyboard_close: "đóng",
    keyboard_search: "tìm",
    error_search: "Không tìm được, vui lòng thử lại",
    filter_selected_one: "đã chọn [COUNT]",
    filter_selected_many: "đã chọn [COUNT]",
    input_hint: "Kết quả hiện ra khi bạn gõ",
    loading: "Đang tải"
  };
  function load() {
    if (ready) return ready;
    ready = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle + "pagefind-ui.css";
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = bundle + "pagefind-ui.js";
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      new PagefindUI({
        element: "#nr-search-ui",
        bundlePath: bundle,
        showImages: true,
        showSubResults: false,
        autofocus: true,
        resetStyles: false,
        translations: translations,
        processResult: function (result) {
          // The UI prints the excerpt as HTML; meta values are the pages' plain text: escape them.
          if (result.excerpt.indexOf("nrkhongdau") !== -1) {
            // The match is in the hidden đ-free spellings: show the lead instead of that word list.
            result.excerpt = asText((result.meta && result.meta.description) || "");
          }
          if (result.meta && result.meta.date) {
            result.excerpt = asText(result.meta.date) + " — " + result.excerpt;
          }
          // Shown above; the UI would repeat them as English-labelled tags.
          if (result.meta) {
            delete result.meta.date;
            delete result.meta.description;
            delete result.meta.image_alt;
          }
          return result;
        }
      });
    });
    return ready;
  }
  function open() {
    if (!dialog.open) dialog.showModal();
    load().then(function () {
      var input = dialog.querySelector("input");
      if (input) input.focus();
    });
  }
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-nr-search-open]")) open();
    else if (event.target.closest("[data-nr-search-close]")) dialog.close();
    else if (event.target === dialog) dialog.close();
  });
  document.addEventListener("keydown", function (event) {
    var shortcut = (event.key === "/" && !typing(event.target)) || (event.key === "k" && (event.ctrlKey || event.metaKey));
    if (shortcut) {
      event.preventDefault();
      open();
    }
  });
})();
