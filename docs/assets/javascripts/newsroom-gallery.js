/* The honours gallery's filters (state in the URL) and the photo lightbox of initiative pages.
   Both are progressive: without JavaScript the gallery shows every card and photos open as files. */
(function () {
  "use strict";

  /* --- gallery filters ----------------------------------------------------------------------- */
  var form = document.querySelector("[data-nr-gallery-filters]");
  var gallery = document.querySelector("[data-nr-gallery]");
  if (form && gallery) {
    var status = document.querySelector("[data-nr-gallery-status]");
    var cards = Array.prototype.slice.call(gallery.children);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));

    var readUrl = function () {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        select.value = known ? value : "";
      });
    };
    var apply = function () {
      var shown = 0;
      cards.forEach(function (card) {
        var match = selects.every(function (select) {
          return !select.value || card.getAttribute("data-" + select.name) === select.value;
        });
        card.hidden = !match;
        if (match) shown += 1;
      });
      if (status) {
        status.textContent = shown === cards.length
          ? "Đang hiển thị tất cả " + shown + " sáng kiến."
          : "Đang hiển thị " + shown + " trên " + cards.length + " sáng kiến.";
      }
    };
    var writeUrl = function () {
      var params = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
      var query = params.toString();
      history.pushState(null, "", location.pathname + (query ? "?" + query : ""));
    };

    form.hidden = false;
    readUrl();
    apply();
    form.addEventListener("change", function () { writeUrl(); apply(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { writeUrl(); apply(); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", function () { readUrl(); apply(); });
  }

  /* --- lightbox ------------------------------------------------------------------------------ */
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-nr-lightbox]"));
  if (!links.length || typeof HTMLDialogElement === "undefined") return;
  var dialog = document.createElement("dialog");
  dialog.className = "nr-lightbox";
  dialog.setAttribute("aria-label", "Xem ảnh");
  dialog.innerHTML =
    '<figure><img alt=""><figcaption></figcaption></figure>' +
    '<p class="nr-lightbox__count" aria-live="polite"></p>' +
    '<div class="nr-lightbox__nav">' +
    '<button type="button" data-step="-1">‹ Ảnh trước</button>' +
    '<button type="button" data-close>Đóng (Esc)</button>' +
    '<button type="button" data-step="1">Ảnh sau ›</button></div>';
  document.body.appendChild(dialog);
  var image = dialog.querySelector("img");
  var caption = dialog.querySelector("figcaption");
  var count = dialog.querySelector(".nr-lightbox__count");
  var current = 0;
  var opener = null;

  var show = function (index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumb = link.querySelector("img");
    image.src = link.href;
    image.alt = thumb ? thumb.alt : "";
    caption.textContent = thumb ? thumb.alt : "";
    count.textContent = "Ảnh " + (current + 1) + " / " + links.length;
  };
  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      opener = link;
      show(index);
      dialog.showModal();
      dialog.querySelector("[data-close]").focus();
    });
  });
  dialog.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (button && button.hasAttribute("data-step")) show(current + Number(button.getAttribute("data-step")));
    else if (button && button.hasAttribute("data-close")) dialog.close();
    else if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowRight") show(current + 1);
    if (event.key === "ArrowLeft") show(current - 1);
  });
  dialog.addEventListener("close", function () {
    if (opener) opener.focus();
  });
})();
