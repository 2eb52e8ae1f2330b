// The charts are drawn when their part of the page first comes near the screen (a screen before it shows), so a
// person who does not scroll to them waits neither for the chart library nor for their figures. The page is
// told once, through the charts-shown store; from then on the render sends the charts with every change.
(function () {
  "use strict";

  var told = false;

  function tell() {
    var clientside = window.dash_clientside;
    if (told || !clientside || typeof clientside.set_props !== "function") return false;
    told = true;
    clientside.set_props("charts-shown", { data: true });
    return true;
  }

  function watch(tabs) {
    if (!("IntersectionObserver" in window)) {
      tell();
      return;
    }
    var near = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; }) && tell()) near.disconnect();
      },
      { rootMargin: "0px 0px 100% 0px" }
    );
    near.observe(tabs);
  }

  // Watch once the results are drawn (a row, or the grid's "no rows" note): before that the page is short and
  // the tab list sits near the top whatever the screen. If the grid never draws, watch after 3 seconds anyway.
  var watching = false;
  function ready(force) {
    if (watching) return true;
    var tabs = document.getElementById("view-tabs");
    var drawn = document.querySelector("#results-grid .ag-row, #results-grid .ag-overlay-no-rows-center");
    if (!tabs || !(drawn || force)) return false;
    watching = true;
    window.requestAnimationFrame(function () {
      watch(tabs);
    });
    return true;
  }
  if (!ready(false)) {
    var seen = new MutationObserver(function () {
      if (ready(false)) seen.disconnect();
    });
    seen.observe(document.documentElement, { subtree: true, childList: true });
    window.setTimeout(function () {
      if (ready(true)) seen.disconnect();
    }, 3000);
  }
  // printing shows the whole page: draw the charts first
  window.addEventListener("beforeprint", tell);
})();
