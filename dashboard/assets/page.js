// Small page behaviours that need no server: the data links follow the URL, and the view tabs
// are a keyboard-usable tab list (one Tab stop, arrow keys switch, Home/End jump).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  page: {
    // Absolute links on this origin; the server reads the query as the page does (bad values fall back).
    dataLinks: function (search) {
      var query = typeof search === "string" ? search : "";
      var base = window.location.origin + "/comparison.";
      return [base + "csv" + query, base + "xlsx" + query, base + "json" + query];
    },
  },
});

(function () {
  function tabLinks(list) {
    return Array.prototype.slice.call(list.querySelectorAll(".nav-link"));
  }

  function setAttr(el, name, value) {
    // only write when it changes: the observer below would otherwise see its own writes
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function markUp(list) {
    var base = list.id || "view-tabs";
    setAttr(list, "role", "tablist");
    setAttr(list, "aria-label", "Views");
    var activeId = null;
    tabLinks(list).forEach(function (link, i) {
      var active = link.classList.contains("active");
      setAttr(link, "id", base + "-tab-" + i);  // the library gives every tab the same id
      if (link.hasAttribute("aria-controls")) link.removeAttribute("aria-controls");
      setAttr(link, "role", "tab");
      setAttr(link, "aria-selected", active ? "true" : "false");
      setAttr(link, "tabindex", active ? "0" : "-1");
      if (link.parentElement) setAttr(link.parentElement, "role", "presentation");
      if (active) activeId = link.id;
    });
    var content = list.nextElementSibling;
    if (content && activeId) {
      Array.prototype.slice.call(content.children).forEach(function (pane) {
        if (pane.classList.contains("active")) {
          setAttr(pane, "role", "tabpanel");
          setAttr(pane, "aria-labelledby", activeId);
          if (pane.id && pane.id.indexOf("null") >= 0) pane.removeAttribute("id");
        }
      });
    }
  }

  // Dash 4's slider and dropdown put their real inputs inside the element a <label for> names;
  // give those inputs the label's name, and let the dropdown's focus target be seen by assistive tech.
  function nameControls() {
    document.querySelectorAll("label.control-label[for]").forEach(function (label) {
      var control = document.getElementById(label.htmlFor);
      if (!control || !label.id) return;
      var wrapper = control.closest(".dash-dropdown-wrapper");
      if (wrapper) {
        var target = wrapper.querySelector(".dash-dropdown-focus-target");
        if (target) {
          if (target.hasAttribute("aria-hidden")) target.removeAttribute("aria-hidden");
          setAttr(target, "aria-labelledby", label.id + " " + label.htmlFor + "-value");
        }
        // the list's button takes the focus (Dash 4.4), named by its value alone ("Stretch marks"): its name is
        // the label, then the value ("Concern, Stretch marks")
        if (control.classList.contains("dash-dropdown")) {
          var named = (control.getAttribute("aria-labelledby") || "").split(" ").filter(function (id) {
            return id && id !== label.id;
          });
          setAttr(control, "aria-labelledby", [label.id].concat(named).join(" "));
        }
        return;
      }
      if (control.querySelector("input[type=radio]")) {
        // Dash 4 wraps each radio in a role=option label inside a listbox: an interactive control nested
        // in another. Plain radios in a labelled radiogroup say the same without the nesting.
        setAttr(control, "role", "radiogroup");
        setAttr(control, "aria-labelledby", label.id);
        control.querySelectorAll("[role=option]").forEach(function (option) {
          option.removeAttribute("role");
          option.removeAttribute("aria-selected");
        });
        return;
      }
      control.querySelectorAll("input, [role=slider]").forEach(function (input) {
        setAttr(input, "aria-labelledby", label.id);
      });
    });
  }

  // The upload's file input sits under its button, which opens the same chooser (Enter, Space or a click): it is
  // named, and left out of the Tab order, so the upload is one Tab stop.
  function nameUploads() {
    document.querySelectorAll("#quote-upload input[type=file]").forEach(function (input) {
      setAttr(input, "aria-label", "Upload a CSV of quotes");
      setAttr(input, "tabindex", "-1");
    });
  }

  function markAll() {
    nameUploads();
    if (document.documentElement.lang !== "en") document.documentElement.lang = "en";
    document.querySelectorAll(".nav-tabs").forEach(markUp);
    nameControls();
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

  // Coalesce: the grid changes many classes while it draws; mark up at most once per frame.
  var scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      markAll();
    });
  }
  new MutationObserver(schedule).observe(document.documentElement, { subtree: true, childList: true });
  // A tab's "active" class changes without a child added; other keys and clicks ask for no frame, so the
  // browser does not hold the callbacks they start until one is drawn.
  function onTabs(event) {
    if (event.target && event.target.closest && event.target.closest(".nav-tabs")) schedule();
  }
  document.addEventListener("click", onTabs, true);
  document.addEventListener("keyup", onTabs, true);
  document.addEventListener("DOMContentLoaded", markAll);
})();
