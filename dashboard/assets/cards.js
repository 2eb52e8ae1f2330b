// The result cards shown on a phone: a tap (or Enter/Space) on a card opens its details, as selecting a grid
// row does on a wider screen. Each card group says its cards' option ids in order (data-ids); the card is found
// by its heading. No string is compiled at run time: the page's CSP forbids eval.
(function () {
  "use strict";
  var pending = false;

  function headingOf(target) {
    var group = target.closest ? target.closest(".card-group") : null;
    if (!group) return null;
    var root = group.querySelector(".option-cards");
    if (!root) return null;
    var el = target;
    while (el && el.parentElement && !el.parentElement.classList.contains("option-cards") && el !== root) {
      el = el.parentElement;
    }
    if (!el || el === root) return null;
    while (el && el.tagName !== "H3") el = el.previousElementSibling;
    if (!el) return null;
    var index = Array.prototype.indexOf.call(root.querySelectorAll(":scope > h3"), el);
    var ids = (group.getAttribute("data-ids") || "").split(",");
    return index >= 0 && ids[index] ? { id: ids[index], heading: el } : null;
  }

  function open(target) {
    var found = headingOf(target);
    if (!found || !window.dash_clientside || !window.dash_clientside.set_props) return false;
    pending = true;
    window.dash_clientside.set_props("card-choice", { data: { id: found.id, at: Date.now() } });
    return true;
  }

  function markUp() {
    document.querySelectorAll(".card-group .option-cards > h3").forEach(function (h) {
      if (h.getAttribute("role") !== "button") {
        h.setAttribute("role", "button");
        h.setAttribute("tabindex", "0");
      }
    });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a, button")) return;
    open(event.target);
  });
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if ((event.key === "Enter" || event.key === " ") && t.tagName === "H3" && t.getAttribute("role") === "button") {
      if (open(t)) event.preventDefault();
    }
  });
  // once the details of a tapped card arrive, bring them into view
  new MutationObserver(function () {
    markUp();
    var details = document.getElementById("option-details");
    if (pending && details && details.children.length) {
      pending = false;
      details.scrollIntoView({ block: "start" });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
