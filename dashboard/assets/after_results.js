// What waits until the results are drawn (a grid row, or the grid's "no rows" note): before that the page is short
// and everything below the results sits near the top whatever the screen. If the grid never draws, after 3 seconds
// anyway. Stores are set through dash_clientside.set_props.
// - forms-wanted, once, at the browser's next idle moment: the quote and assumption forms' fields are put in their
//   places (web/deferred_forms.py);
// - charts-shown, whether the charts are near the screen now (within a quarter of a screen of it, above or below; a hidden tab is
//   not): the render sends the charts with a change's answer only then (render.charts), and otherwise keeps their
//   place with "Drawing the charts…", so a person looking at the results waits neither for the chart library nor
//   for figures she does not see;
// - charts-wanted, a count: asks for the charts (page_state.draw_charts) whenever their place says "Drawing the
//   charts…" while they are near the screen, or before printing.
(function () {
  "use strict";

  function setStore(store, data) {
    var clientside = window.dash_clientside;
    if (!clientside || typeof clientside.set_props !== "function") return false;
    clientside.set_props(store, { data: data });
    return true;
  }

  var fieldsAsked = false;
  function askForFields() {
    if (!fieldsAsked) fieldsAsked = setStore("forms-wanted", true);
  }

  var near = false;
  var asks = 0;
  // the "Drawing the charts…" element the last ask was for: one ask per waiting place each time the charts come near
  var askedFor = null;
  function drawIfWaiting() {
    var waiting = document.querySelector("#charts-panel > .charts-waiting");
    if (!near || !waiting || waiting === askedFor) return;
    if (setStore("charts-wanted", asks + 1)) {
      asks += 1;
      askedFor = waiting;
    }
  }
  var onScreen = false; // what the observer last said, whatever printing says
  var printing = false;
  function setNear(now) {
    if (now !== near && setStore("charts-shown", now)) near = now;
    if (!near) askedFor = null;
    drawIfWaiting();
  }

  function watchCharts(panel) {
    new MutationObserver(drawIfWaiting).observe(panel, { childList: true });
    if (!("IntersectionObserver" in window)) {
      onScreen = true;
      setNear(true);
      return;
    }
    new IntersectionObserver(
      function (entries) {
        onScreen = entries[entries.length - 1].isIntersecting;
        if (!printing) setNear(onScreen);
      },
      { rootMargin: "25% 0px 25% 0px" }
    ).observe(panel);
  }

  var started = false;
  function start(force) {
    if (started) return true;
    var panel = document.getElementById("charts-panel");
    var drawn = document.querySelector("#results-grid .ag-row, #results-grid .ag-overlay-no-rows-center");
    if (!panel || !(drawn || force)) return false;
    started = true;
    if ("requestIdleCallback" in window) window.requestIdleCallback(askForFields, { timeout: 500 });
    else window.setTimeout(askForFields, 0);
    window.requestAnimationFrame(function () {
      watchCharts(panel);
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
  // printing shows the whole page: the charts are asked for while it prints, then near only if on the screen
  window.addEventListener("beforeprint", function () {
    printing = true;
    setNear(true);
  });
  window.addEventListener("afterprint", function () {
    printing = false;
    setNear(onScreen);
  });
})();
