/* Chuyen muc Chuyen doi so: news widget for partner pages (generated, do not edit).
   Usage: a placeholder div data-ccds-feed="KEY" data-so-bai="5" data-anh="1", then this file by script src.
   Pure ASCII on purpose: it works whatever charset the host page declares. */
(function () {
  "use strict";
  var FEED = /*DATA*/;
  var CSS = /*CSS*/;
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
