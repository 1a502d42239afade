/* Chuyen muc Chuyen doi so: sizes the news widget iframes of a partner page (generated, do not edit).
   Each <iframe data-ccds-khung> showing a widget page of the column gets the height its page
   reports (window.postMessage), at any width and after every change of width. Styles are set
   through the CSSOM (element.style), which a strict Content-Security-Policy allows; the page
   itself needs no inline style or script. Pure ASCII on purpose. */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = null;
  try { origin = new URL(script.src).origin; } catch (error) { origin = null; }
  if (!origin) { return; }

  function frames() {
    return document.querySelectorAll("iframe[data-ccds-khung]");
  }

  function ask(frame) {
    if (frame.contentWindow) { frame.contentWindow.postMessage({ ccds: "hoi-chieu-cao" }, "*"); }
  }

  function prepare(frame) {
    if (frame.getAttribute("data-ccds-khung") === "1") { return; }
    frame.setAttribute("data-ccds-khung", "1");
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.width = "100%";
    // Asked again once the frame has loaded: it may still be blank now. The request holds nothing
    // private, so it goes to any origin (a blank frame has the partner's); only the answer is checked.
    ask(frame);
    frame.addEventListener("load", function () { ask(frame); });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) { return; }
    var data = event.data;
    if (!data || data.ccds !== "chieu-cao" || typeof data.h !== "number" || !(data.h > 0) || data.h > 20000) { return; }
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = Math.ceil(data.h) + "px";
      }
    }
  });

  function scan() {
    var list = frames();
    for (var i = 0; i < list.length; i++) { prepare(list[i]); }
  }

  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  }
})();
