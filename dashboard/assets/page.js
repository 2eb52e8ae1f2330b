// Small page behaviours that need no server: the data links follow the URL, and the view tabs
// are a keyboard-usable tab list (one Tab stop, arrow keys switch, Home/End jump).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  page: {
    dataLinks: function (search) {
      var query = typeof search === "string" ? search : "";
      return ["/comparison.csv" + query, "/comparison.xlsx" + query, "/comparison.json" + query];
    },
  },
});

(function () {
  function tabLinks(list) {
    return Array.prototype.slice.call(list.querySelectorAll(".nav-link"));
  }

  function markUp(list) {
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", "Views");
    tabLinks(list).forEach(function (link) {
      var active = link.classList.contains("active");
      link.setAttribute("role", "tab");
      link.setAttribute("aria-selected", active ? "true" : "false");
      link.setAttribute("tabindex", active ? "0" : "-1");
      if (link.parentElement) link.parentElement.setAttribute("role", "presentation");
    });
  }

  function markAll() {
    document.querySelectorAll(".view-tabs .nav-tabs, .nav-tabs").forEach(markUp);
  }

  document.addEventListener("keydown", function (event) {
    var link = event.target;
    if (!link || !link.classList || !link.classList.contains("nav-link")) return;
    var list = link.closest(".nav-tabs");
    if (!list) return;
    var links = tabLinks(list);
    var i = links.indexOf(link), next = null;
    if (event.key === "ArrowRight") next = links[(i + 1) % links.length];
    else if (event.key === "ArrowLeft") next = links[(i - 1 + links.length) % links.length];
    else if (event.key === "Home") next = links[0];
    else if (event.key === "End") next = links[links.length - 1];
    else if (event.key === "Enter" || event.key === " ") next = link;
    if (!next) return;
    event.preventDefault();
    next.click();
    next.focus();
  });

  new MutationObserver(markAll).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["class"],
  });
  document.addEventListener("DOMContentLoaded", markAll);
})();
