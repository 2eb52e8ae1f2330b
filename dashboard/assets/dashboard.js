// Page start-up and the browser-side callbacks. Functions are called by name (ClientsideFunction), so no
// string is compiled at run time: the page's CSP forbids eval.
(function () {
  "use strict";

  // A change the server could not answer (no connection, or an error) leaves the results as they were while the
  // control shows the new value: the page says so above the results until a later answer comes.
  var nativeFetch = window.fetch.bind(window);
  var unanswered = false;
  function sayUnanswered(failed) {
    var setProps = window.dash_clientside && window.dash_clientside.set_props;
    if (failed === unanswered || typeof setProps !== "function") return;
    unanswered = failed;
    setProps("connection-message", {
      children: failed
        ? "Your last change could not be answered (no connection to the server, or an error there): the results " +
          "below are still for the filters before it. Check your connection, then change a filter again or reload the page."
        : "",
    });
  }
  // The layout request carries the page's own query string, so the server can send the first view with
  // the results for this URL already in it (no callback round trip before the numbers show).
  window.fetch = function (resource, init) {
    if (typeof resource === "string" && /_dash-layout$/.test(resource)) {
      resource += "?search=" + encodeURIComponent(window.location.search);
    }
    if (typeof resource !== "string" || resource.indexOf("_dash-update-component") < 0) {
      return nativeFetch(resource, init);
    }
    var answer = isRender(init);
    var settled = !answer;
    function done() {
      if (settled) return;
      settled = true;
      answering(-1);
    }
    if (answer) answering(1);
    return nativeFetch(resource, init).then(
      function (response) {
        sayUnanswered(!(response.ok || response.status === 204));
        if (answer && response.status === 200) {
          // the answer is in once its body is read (the renderer reads every 200's body), not at its headers: on a
          // slow download the old results stay dimmed until then
          var json = response.json.bind(response);
          response.json = function () {
            var body = json();
            body.then(done, done);
            return body;
          };
        } else {
          done();
        }
        return response;
      },
      function (error) {
        done();
        sayUnanswered(true);
        throw error;
      }
    );
  };
  // A change's answer (or, on going back or forward, the controls the URL says, then the answer) takes longer than
  // 150 ms: the page marks itself (data-answering on <body>) and the results dim with a spinner and "updating…"
  // (app.css) until the answer is set on the page (showAnswer), or, for a request whose answer sets nothing (an
  // error, or one overtaken by a later change), 300 ms after the last one came with nothing asked since. A quick
  // answer marks nothing, so nothing flickers and nothing is redrawn while the server works.
  var inFlight = 0;
  var markTimer = null;
  var clearTimer = null;
  function isRender(init) {
    var body = init && init.body;
    return (
      typeof body === "string" && (body.indexOf("render-answer.data") >= 0 || body.indexOf("url-controls.data") >= 0)
    );
  }
  function unmark() {
    if (clearTimer !== null) window.clearTimeout(clearTimer);
    clearTimer = null;
    document.body.removeAttribute("data-answering");
  }
  function answering(step) {
    inFlight = Math.max(0, inFlight + step);
    if (inFlight > 0) {
      if (clearTimer !== null) window.clearTimeout(clearTimer);
      clearTimer = null;
      if (markTimer === null && !document.body.hasAttribute("data-answering")) {
        markTimer = window.setTimeout(function () {
          markTimer = null;
          if (inFlight > 0) document.body.setAttribute("data-answering", "");
        }, 150);
      }
      return;
    }
    if (markTimer !== null) window.clearTimeout(markTimer);
    markTimer = null;
    if (document.body.hasAttribute("data-answering") && clearTimer === null) clearTimer = window.setTimeout(unmark, 300);
  }
  function answerShown() {
    if (inFlight === 0 && document.body.hasAttribute("data-answering")) window.requestAnimationFrame(unmark);
  }

  // dcc.Graph loads plotly.js on demand from window._dashPlotlyJSURL (when window.Plotly is absent), which
  // the renderer sets to the full 4.8 MB bundle. Point it at the official basic bundle (bar, scatter, line)
  // served from assets/; the renderer's own assignment is ignored.
  var here = document.currentScript ? document.currentScript.src : "";
  var plotly = here.replace(/[^/]*$/, "") + "plotly-basic-4.1.1.min.js";
  Object.defineProperty(window, "_dashPlotlyJSURL", {
    configurable: true,
    get: function () { return plotly; },
    set: function () {},
  });

  // A typed box keeps its caret where the typing leaves it. dcc.Input (Dash 4.4, debounce) puts the caret back, in a
  // timer set after each keystroke, where that keystroke left it. While the page is busy (just after it loads),
  // several keys can come before that timer, and the caret then jumped back between them: "2500" typed fast
  // became "2050", read as that number without a word. A caret put back, within a second of typing in the box, to a
  // place other than where it now is, is such a late timer, and is ignored.
  var nativeSelect = HTMLInputElement.prototype.setSelectionRange;
  var typedAt = new WeakMap();
  function keptSelect(start, end, direction) {
    var typed = typedAt.get(this);
    var late =
      start === end && typed !== undefined && performance.now() - typed < 1000 &&
      document.activeElement === this && this.selectionStart !== start;
    if (!late) return nativeSelect.call(this, start, end, direction);
  }
  document.addEventListener(
    "input",
    function (event) {
      var box = event.target;
      if (!box || box.tagName !== "INPUT" || !box.classList.contains("dash-input-element")) return;
      typedAt.set(box, performance.now());
      if (box.setSelectionRange !== keptSelect) box.setSelectionRange = keptSelect;
    },
    true
  );

  // A word typed into a closed dropdown keeps all its letters. Dash 4.4's dropdown reads a letter typed on its closed
  // button when the key is released, opens, and moves the focus to its search box at the next frame. A key pressed
  // on the button and released in the search box (the focus moved while it was held, as it does while the page is
  // busy drawing the list) was read by neither, and "stretch" became "sretch": such a letter is put in the box.
  var pressedOn = {}; // key -> the closed dropdown's button it went down on
  document.addEventListener(
    "keydown",
    function (event) {
      var button = event.target;
      if (typeof event.key !== "string") return; // an event without a key (a browser's autofill can send one)
      var plain = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (plain && button && button.classList && button.classList.contains("dash-dropdown")) {
        pressedOn[event.key] = button;
      } else {
        delete pressedOn[event.key];
      }
    },
    true
  );
  var nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  document.addEventListener(
    "keyup",
    function (event) {
      if (typeof event.key !== "string") return;
      var button = pressedOn[event.key];
      delete pressedOn[event.key];
      var box = event.target;
      if (!button || box === button || !box || box.tagName !== "INPUT") return;
      if (!box.classList.contains("dash-dropdown-search")) return;
      var wrapper = button.closest(".dash-dropdown-wrapper");
      if (!wrapper || box.closest(".dash-dropdown-wrapper") !== wrapper) return;
      nativeValue.call(box, box.value + event.key);
      box.dispatchEvent(new Event("input", { bubbles: true }));
    },
    true
  );

  // Enter applies a typed number as leaving the box does. The typed fields (dcc.Input, debounce) apply on
  // Enter already; the box beside each slider (the horizon, the risk tier) applies only when it loses focus,
  // so Enter there blurs it (which applies the value) and gives it focus back.
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key !== "Enter" || !box || box.tagName !== "INPUT") return;
    if (!box.classList.contains("dash-input-container")) return;
    box.blur();
    box.focus();
  });

  // The query string the page itself last wrote to the URL (or read from it): the page's own state in
  // this tab, never sent anywhere.
  var written = window.location.search;
  var steps = 0;
  // The Back/Forward step whose own answer is on the page, and how many times the page asked again for it.
  var answered = 0;
  var again = 0;

  var formsCurrency = null; // the currency the forms were last put in (marketCurrency)
  var ns = (window.dash_clientside = window.dash_clientside || {});
  ns.dashboard = {
    // The market's currency: the budget's label, and the quote and assumption forms' currency once their fields
    // are on the page (they arrive just after the first view, already in the market's currency).
    // Set only when the market's currency changes: the forms come in the currency of the market shown, and setting
    // the same value again would ask the server to read the quote's price again for nothing (going back, say).
    marketCurrency: function (market) {
      var currency = market === "UK" ? "GBP" : "USD";
      if (currency !== formsCurrency) {
        ["quote-currency", "assumption-currency"].forEach(function (id) {
          if (document.getElementById(id)) window.dash_clientside.set_props(id, { value: currency });
        });
      }
      formsCurrency = currency;
      return "(" + currency + ")";
    },
    // The quote and assumption forms' fields, put in their places once the page asks (assets/after_results.js), from the
    // form-fields store, with the currency of the market shown now (it may have changed since the page came).
    formFields: function (wanted, fields, market) {
      var noUpdate = window.dash_clientside.no_update;
      if (wanted !== true || !fields || !fields.quote || !fields.assumption) return [noUpdate, noUpdate];
      var currency = market === "UK" ? "GBP" : "USD";
      function inCurrency(node) {
        if (Array.isArray(node)) return node.map(inCurrency);
        if (!node || typeof node !== "object" || !node.props) return node;
        var props = Object.assign({}, node.props);
        if (props.id === "quote-currency" || props.id === "assumption-currency") props.value = currency;
        if (props.children !== undefined) props.children = inCurrency(props.children);
        return Object.assign({}, node, { props: props });
      }
      return [inCurrency(fields.quote), inCurrency(fields.assumption)];
    },
    // The URL is the state. ({query, step} or {back, step}, url.search) -> nothing; sets url.search and the
    // history-search store itself: once the results of a change are in, the URL takes the filters the server
    // applied ("a=1&b=2", defaults left out), unless the person went back or forward after the change was sent:
    // the answer is then not theirs to write, and when it arrives after the answer to that Back or Forward, its
    // results stand where the URL's should, so the page asks the server again for the URL's.
    // No declared outputs (set_props instead): declared, they would lead from the render's answer back to the
    // render's own history-search input, and the renderer would then hold a change made while the previous one
    // is being answered until another change came (page_state.register_url_sync).
    appliedToUrl: function (target, search) {
      var setProps = window.dash_clientside.set_props;
      if (!target || typeof target !== "object") return;
      if (target.step === steps && steps > 0) answered = steps;
      if (target.step !== steps) {
        if (answered !== steps) return;
        again += 1;
        setProps("history-search", { data: { search: written, step: steps, again: again } });
        return;
      }
      var next = target.query ? "?" + target.query : "";
      written = next;
      if (next !== (search || "")) setProps("url", { search: next });
    },
    // A change's answer (a list, in web/page_state ANSWER_OUTPUTS order) -> the page's parts it sets.
    showAnswer: function (answer) {
      if (!Array.isArray(answer)) return window.dash_clientside.no_update;
      answerShown();
      return answer;
    },
    // (url.search, ...the controls' values) -> the history-search store: a URL the page did not write itself
    // (going back or forward) goes to the server, which reads the controls from it as it does for the first view
    // (urlControls below sets them). Numbered, so that going back to a URL seen before is a change too; with the
    // controls' values as they were at that moment.
    historyStep: function (search) {
      var current = search || "";
      if (current === written) return window.dash_clientside.no_update;
      written = current;
      steps += 1;
      return { search: current, step: steps, shown: Array.prototype.slice.call(arguments, 1) };
    },
    // ({step, values} from the server, the history-search store, ...the controls' values) -> the controls' values:
    // each control as the URL gone back or forward to says, except one the person changed while the server was
    // reading that URL (her change stands, and the results follow it); nothing for an earlier step's answer.
    urlControls: function (read, asked) {
      var noUpdate = window.dash_clientside.no_update;
      var now = Array.prototype.slice.call(arguments, 2);
      if (!read || !Array.isArray(read.values) || read.values.length !== now.length) {
        return now.map(function () { return noUpdate; });
      }
      if (!asked || read.step !== asked.step || read.step !== steps) return now.map(function () { return noUpdate; });
      var shown = Array.isArray(asked.shown) && asked.shown.length === now.length ? asked.shown : null;
      return read.values.map(function (value, i) {
        var changed = shown !== null && JSON.stringify(now[i]) !== JSON.stringify(shown[i]);
        return changed ? noUpdate : value;
      });
    },
    // (typed, options) -> options: the dropdown searches each option's `search` text (its name, id and the
    // names people use, also without accents: model/name_search.py) for the typed words as typed, lower-cased.
    // Typed with accents ("acné"), the words are folded as the search texts were, and the options whose text
    // holds every folded word get the words as typed after " ~ ", so the dropdown finds them.
    foldedSearch: function (typed, options) {
      var noUpdate = window.dash_clientside.no_update;
      if (!Array.isArray(options)) return noUpdate;
      var raw = String(typed || "").toLocaleLowerCase().trim();
      var folded = raw.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      var words = folded.split(/\s+/).filter(Boolean);
      var changed = false;
      var next = options.map(function (option) {
        var base = String(option.search || "").split(" ~ ")[0];
        var own = base.split(" ");
        var found = raw !== folded && words.length > 0 && words.every(function (word) {
          return own.some(function (w) { return w.indexOf(word) >= 0; });
        });
        var search = found ? base + " ~ " + raw : base;
        if (search === option.search) return option;
        changed = true;
        return Object.assign({}, option, { search: search });
      });
      return changed ? next : noUpdate;
    },
    // (value, fields) -> [value, message]: a list control keeps at most its limit of items, trimmed at once
    // where the person sees it, and the line under it says what was left out.
    trimList: function (value, fields) {
      var noUpdate = window.dash_clientside.no_update;
      var triggered = (window.dash_clientside.callback_context.triggered || [])[0] || {};
      var control = String(triggered.prop_id || "").split(".")[0];
      var field = fields.filter(function (f) { return f.control === control; })[0];
      if (field && field.limit && Array.isArray(value) && value.length > field.limit) {
        var left = value.length - field.limit;
        return [
          value.slice(0, field.limit),
          "At most " + field.limit + " options can be compared: the first " + field.limit + " chosen are kept, " +
            left + " left out.",
        ];
      }
      return [noUpdate, ""];
    },
  };
})();
