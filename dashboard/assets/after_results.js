// What waits until the results are drawn (a grid row, or the grid's "no rows" note): before that the page is short
// and everything below the results sits near the top whatever the screen. If the grid never draws, after 3 seconds
// anyway. Each store is set once, through dash_clientside.set_props.
// - forms-wanted, at the browser's next idle moment: the quote and assumption forms' fields are put in their places
//   (web/deferred_forms.py);
// - charts-shown, when the charts' part of the page first comes near the screen (a screen before it shows), or
//   before printing: the charts are drawn (render.charts), so a person who does not scroll to them waits neither
//   for the chart library nor for their figures.
(function () {
  "use strict";

  function once(store) {
    var told = false;
    return function () {
      var clientside = window.dash_clientside;
      if (told || !clientside || typeof clientside.set_props !== "function") return false;
      told = true;
      clientside.set_props(store, { data: true });
      return true;
    };
  }
  var askForFields = once("forms-wanted");
  var showCharts = once("charts-shown");

  function watchCharts(tabs) {
    if (!("IntersectionObserver" in window)) {
      showCharts();
      return;
    }
    var near = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; }) && showCharts()) near.disconnect();
      },
      { rootMargin: "0px 0px 100% 0px" }
    );
    near.observe(tabs);
  }

  var started = false;
  function start(force) {
    if (started) return true;
    var tabs = document.getElementById("view-tabs");
    var drawn = document.querySelector("#results-grid .ag-row, #results-grid .ag-overlay-no-rows-center");
    if (!tabs || !(drawn || force)) return false;
    started = true;
    if ("requestIdleCallback" in window) window.requestIdleCallback(askForFields, { timeout: 500 });
    else window.setTimeout(askForFields, 0);
    window.requestAnimationFrame(function () {
      watchCharts(tabs);
    });
    return true;
  }
  if (!start(false)) {
    var seen = new MutationObserver(function () {
      if (start(false)) seen.disconnect();
    });
    seen.observe(document.documentElement, { subtree: true, childList: true });
    window.setTimeout(function () {
      if (start(true)) seen.disconnect();
    }, 3000);
  }
  // printing shows the whole page: draw the charts first
  window.addEventListener("beforeprint", showCharts);
})();
