/* Chuyen muc Chuyen doi so: news widget for partner pages (generated, do not edit).
   Usage: a placeholder div data-ccds-feed="KEY" data-so-bai="5" data-anh="1", then this file by script src.
   Pure ASCII on purpose: it works whatever charset the host page declares. */
(function () {
  "use strict";
  var FEED = {"count":5,"images":true,"items":[{"d":"05/10/2025","i":"assets/the/bai-viet/ngay-hoi-chuyen-doi-so.jpg","iso":"2025-10-05T08:30:00+07:00","t":"\u0110o\u00e0n vi\u00ean H\u00e0 N\u1ed9i ra qu\u00e2n Ng\u00e0y h\u1ed9i Chuy\u1ec3n \u0111\u1ed5i s\u1ed1","u":"bai-viet/ngay-hoi-chuyen-doi-so/"},{"d":"20/09/2025","i":"assets/the/bai-viet/tap-huan-an-toan-mang-cho-hoc-sinh.jpg","iso":"2025-09-20T14:00:00+07:00","t":"T\u1eadp hu\u1ea5n an to\u00e0n m\u1ea1ng cho h\u1ecdc sinh","u":"bai-viet/tap-huan-an-toan-mang-cho-hoc-sinh/"},{"d":"08/10/2024","i":"assets/the/bai-viet/cho-phien-nong-san-so-o-bac-giang.jpg","iso":"2024-10-08T09:00:00+07:00","t":"Ch\u1ee3 phi\u00ean n\u00f4ng s\u1ea3n s\u1ed1 \u1edf B\u1eafc Giang","u":"bai-viet/cho-phien-nong-san-so-o-bac-giang/"}],"key":"toan-chuyen-muc","labels":{"empty":"Ch\u01b0a c\u00f3 b\u00e0i vi\u1ebft.","more":"Xem t\u1ea5t c\u1ea3"},"link":"./","rebase":true,"site":"https://chuyendoiso.tainangviet.vn/","title":"Chuy\u00ean m\u1ee5c Chuy\u1ec3n \u0111\u1ed5i s\u1ed1","up":"../../"};
  var CSS = ".ccds{all:initial;display:block;box-sizing:border-box;container-type:inline-size;padding:12px 14px;background:#ffffff;color:#1a1a1a;font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif;border-top:4px solid #da251d}.ccds *{box-sizing:border-box}.ccds-tieu-de{margin:0 0 6px;font-size:17px;font-weight:700;line-height:1.3}.ccds-tieu-de a{color:#0b3d91;text-decoration:none}.ccds-ds{list-style:none;margin:0;padding:0}.ccds-ds li{display:flex;gap:10px;align-items:flex-start;margin:0;padding:8px 0;border-top:1px solid #e2e8f2}.ccds-ds li:first-child{border-top:0}.ccds-ds li[hidden]{display:none}.ccds-ds img{flex:none;display:block;width:96px;height:64px;object-fit:cover;border-radius:4px;background:#e2e8f2}.ccds-khong-anh img{display:none}.ccds-chu{min-width:0}.ccds-ds a{color:#1a1a1a;font-weight:600;text-decoration:none;overflow-wrap:anywhere}.ccds a:hover{color:#0b3d91;text-decoration:underline}.ccds a:focus-visible{outline:2px solid #da251d;outline-offset:2px}.ccds-ngay{display:block;margin-top:2px;color:#5f5f5f;font-size:13px}.ccds-chan{margin:8px 0 0;font-size:13px;color:#5f5f5f}.ccds-chan a{color:#0b3d91;font-weight:600}@container (max-width:359px){.ccds-ds li{gap:8px}.ccds-ds img{width:72px;height:48px}}@container (min-width:560px){.ccds-ds img{width:120px;height:80px}}.ccds-gon .ccds-tieu-de,.ccds-gon .ccds-ds a,.ccds-gon .ccds-chan{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}.ccds-gon .ccds-tieu-de,.ccds-gon .ccds-chan{-webkit-line-clamp:2}.ccds-gon .ccds-ds a{-webkit-line-clamp:3}";
  var script = document.currentScript;
  var root = FEED.site;
  if (FEED.rebase && script && script.src) {
    try { root = new URL(FEED.up, script.src).href; } catch (error) { root = FEED.site; }
  }

  function resolve(path) {
    try {
      var url = new URL(path, root);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) { node.setAttribute("class", className); }
    return node;
  }

  function link(path, text) {
    var node = element("a");
    var href = resolve(path);
    if (href) { node.setAttribute("href", href); }
    node.setAttribute("target", "_top");
    node.textContent = text;
    return node;
  }

  function mount(host) {
    var shadow = null;
    if (host.attachShadow) {
      try { shadow = host.attachShadow({ mode: "open" }); } catch (error) { shadow = null; }
    }
    var target = shadow || host;
    if (shadow && "adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        shadow.adoptedStyleSheets = [sheet];
        return target;
      } catch (error) { /* fall back to a <style> element */ }
    }
    var style = element("style");
    style.textContent = CSS;
    target.appendChild(style);
    return target;
  }

  function render(host) {
    if (host.getAttribute("data-ccds-xong")) { return; }
    var key = host.getAttribute("data-ccds-feed");
    if (key && key !== FEED.key) { return; }
    host.setAttribute("data-ccds-xong", "1");
    var count = parseInt(host.getAttribute("data-so-bai") || "", 10);
    if (!(count > 0)) { count = FEED.count; }
    count = Math.min(count, FEED.items.length);
    var anh = host.getAttribute("data-anh");
    var images = anh === null || anh === "" ? FEED.images : anh !== "0";

    var box = element("section", "ccds");
    box.setAttribute("aria-label", FEED.title);
    var heading = element("p", "ccds-tieu-de");
    heading.appendChild(link(FEED.link, FEED.title));
    box.appendChild(heading);
    if (count > 0) {
      var list = element("ul", images ? "ccds-ds" : "ccds-ds ccds-khong-anh");
      for (var i = 0; i < count; i++) {
        var item = FEED.items[i];
        var row = element("li");
        var source = images && item.i ? resolve(item.i) : null;
        if (source) {
          var image = element("img");
          image.setAttribute("src", source);
          image.setAttribute("alt", "");
          image.setAttribute("width", "96");
          image.setAttribute("height", "64");
          image.setAttribute("loading", "lazy");
          row.appendChild(image);
        }
        var text = element("div", "ccds-chu");
        text.appendChild(link(item.u, item.t));
        var date = element("time", "ccds-ngay");
        date.setAttribute("datetime", item.iso);
        date.textContent = item.d;
        text.appendChild(date);
        row.appendChild(text);
        list.appendChild(row);
      }
      box.appendChild(list);
    } else {
      var empty = element("p");
      empty.textContent = FEED.labels.empty;
      box.appendChild(empty);
    }
    var footer = element("p", "ccds-chan");
    footer.appendChild(link(FEED.link, FEED.labels.more));
    box.appendChild(footer);
    mount(host).appendChild(box);
  }

  function scan() {
    var hosts = document.querySelectorAll("[data-ccds-feed]");
    for (var i = 0; i < hosts.length; i++) { render(hosts[i]); }
  }

  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  }
})();
