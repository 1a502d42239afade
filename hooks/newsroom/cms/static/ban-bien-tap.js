/* The column's editing desk on top of Decap CMS (written by hooks/newsroom/cms/admin_page.py's page).
 * Registers the completed Vietnamese locale, the site's stylesheets and preview templates shaped
 * like the published page; in the preview, a pre-save check that asks the column's own schema
 * (POST to the settings' `precheck`) and refuses to save with its Vietnamese messages. */
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("nr-cms-settings").textContent);
  var CMS = window.CMS;

  function merge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) { out[key] = base[key]; });
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      out[key] = value && typeof value === "object" ? merge(out[key], value) : value;
    });
    return out;
  }

  CMS.registerLocale("vi", merge(CMS.getLocale("vi"), settings.locale));
  settings.styles.forEach(function (href) { CMS.registerPreviewStyle(href); });

  var h = window.h;
  function text(data, key) { var value = data.get(key); return value == null ? "" : String(value); }
  function Preview(kind) {
    return window.createClass({
      render: function () {
        var data = this.props.entry.get("data");
        var cover = kind === "news" && data.get("cover") ? this.props.getAsset(data.get("cover")) : null;
        var images = kind === "initiative" && data.get("images") ? data.get("images").toJS() : [];
        var self = this;
        return h("article", { className: "md-typeset nr-article", style: { padding: "1rem 1.5rem", maxWidth: "48rem" } },
          h("header", { className: "nr-article__header" },
            h("h1", {}, text(data, "title")),
            h("p", { className: "nr-article__lead" }, text(data, "description"))),
          cover ? h("figure", { className: "nr-article__cover" },
            h("img", { src: cover.toString(), alt: text(data, "cover_alt"), style: { maxWidth: "100%" } })) : null,
          images.map(function (image, number) {
            var asset = image && image.src ? self.props.getAsset(image.src) : null;
            return asset ? h("figure", { key: number }, h("img", { src: asset.toString(), alt: image.alt || "", style: { maxWidth: "100%" } })) : null;
          }),
          h("div", { className: "nr-article__body" }, this.props.widgetFor("body")));
      },
    });
  }
  CMS.registerPreviewTemplate(settings.collections.news, Preview("news"));
  CMS.registerPreviewTemplate(settings.collections.initiative, Preview("initiative"));

  var PANEL = "nr-kiem-tra";
  function showProblems(problems) {
    var old = document.getElementById(PANEL);
    if (old) old.remove();
    if (!problems.length) return;
    var panel = document.createElement("div");
    panel.id = PANEL;
    panel.setAttribute("role", "alert");
    panel.setAttribute("lang", "vi");
    panel.style.cssText = "position:fixed;z-index:100000;left:1rem;right:1rem;bottom:1rem;max-height:45vh;overflow:auto;" +
      "padding:.75rem 1rem;background:#fff4f4;color:#3b0d0d;border:2px solid #b3261e;border-radius:6px;" +
      "box-shadow:0 2px 10px rgba(0,0,0,.3);font:15px/1.45 system-ui,sans-serif";
    var heading = document.createElement("p");
    heading.style.cssText = "margin:0 0 .4rem;font-weight:700";
    heading.textContent = "Chưa lưu: bài có " + problems.length + " lỗi (như newsroom check báo)";
    panel.appendChild(heading);
    var list = document.createElement("ol");
    list.style.cssText = "margin:0;padding-left:1.4rem";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.style.whiteSpace = "pre-line";
      item.textContent = problem.text;
      list.appendChild(item);
    });
    panel.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Đóng";
    close.style.cssText = "margin-top:.5rem";
    close.addEventListener("click", function () { panel.remove(); });
    panel.appendChild(close);
    document.body.appendChild(panel);
  }

  function mediaNames(entry) {
    var media = entry.get("mediaFiles");
    var list = media && media.toJS ? media.toJS() : media || [];
    return list.map(function (file) { return file.name || String(file.path || "").split("/").pop(); });
  }

  if (settings.precheck) {
    CMS.registerEventListener({
      name: "preSave",
      handler: async function (event) {
        var entry = event.entry;
        var payload = {
          collection: entry.get("collection"),
          path: entry.get("newRecord") ? null : entry.get("path"),
          data: entry.get("data").toJS(),
          media: mediaNames(entry),
        };
        var response;
        try {
          response = await fetch(settings.precheck, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(payload),
          });
        } catch (error) {
          throw new Error("Không kiểm tra được bài: bản xem trước (newsroom cms) có đang chạy không?");
        }
        if (!response.ok) throw new Error("Không kiểm tra được bài (mã " + response.status + ")");
        var result = await response.json();
        showProblems(result.errors);
        if (result.errors.length) {
          throw new Error(result.errors.map(function (problem) { return problem.text; }).join("\n"));
        }
        return undefined;
      },
    });
  }
  if (settings.precheck) {
    // In the preview, "Xem bản hoàn chỉnh" opens the preview itself, not the published site.
    var here = new URL("../", window.location.href).href;
    CMS.init({ config: { site_url: here, display_url: here } });
  } else {
    CMS.init();
  }
})();
