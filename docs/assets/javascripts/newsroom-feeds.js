/* The feed directory (/rss/): a button with data-copy copies its text (a feed URL, an embed
   snippet) and says so for a moment. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button || !navigator.clipboard) return;
    navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
      var label = button.firstChild.nodeValue;
      button.firstChild.nodeValue = "Đã sao chép";
      setTimeout(function () { button.firstChild.nodeValue = label; }, 1500);
    });
  });
})();
