// The quote and assumption forms' fields are mounted just after the first view (web/deferred_forms.py): once the
// results are drawn (a grid row, or the grid's "no rows" note), at the browser's next idle moment, the page asks
// for them through the forms-wanted store. If the grid never draws, it asks after 3 seconds anyway.
(function () {
  "use strict";

  var asked = false;

  function ask() {
    var clientside = window.dash_clientside;
    if (asked || !clientside || typeof clientside.set_props !== "function") return false;
    asked = true;
    clientside.set_props("forms-wanted", { data: true });
    return true;
  }

  function whenIdle() {
    if ("requestIdleCallback" in window) window.requestIdleCallback(ask, { timeout: 500 });
    else window.setTimeout(ask, 0);
  }

  function drawn() {
    return document.querySelector("#results-grid .ag-row, #results-grid .ag-overlay-no-rows-center");
  }

  if (drawn()) {
    whenIdle();
    return;
  }
  var seen = new MutationObserver(function () {
    if (!drawn()) return;
    seen.disconnect();
    whenIdle();
  });
  seen.observe(document.documentElement, { subtree: true, childList: true });
  window.setTimeout(function () {
    seen.disconnect();
    ask();
  }, 3000);
})();
