// The saved quotes in the browser's local storage, kept by hand (the quotes store itself is in memory):
// when the storage is full, blocked or private, the page says so instead of failing without a word, and
// the quotes of this visit stay listed once. Called by name (ClientsideFunction): the page's CSP forbids eval.
(function () {
  "use strict";
  var KEY = "quotes-store";  // the keys the earlier local dcc.Stores used: what was saved before still loads
  var ASSUMPTIONS = "assumptions-store";
  var CANNOT_KEEP = "Your quotes cannot be kept in this browser (its storage is full, blocked or private): " +
    "download them with “Download my quotes” before you leave, and upload the file next time. Your assumptions " +
    "are not kept either.";

  function storage() {
    try {
      return window.localStorage || null;  // reading the property throws where site storage is blocked
    } catch (e) {
      return null;
    }
  }

  function read(key) {
    try {
      var store = storage();
      var parsed = JSON.parse((store && store.getItem(key)) || "[]");
      return Array.isArray(parsed) ? parsed : [];
    } catch (e) {
      return [];
    }
  }

  function write(value, key) {
    var store = storage();
    key = key || KEY;
    if (!store) return false;
    try {
      store.setItem(key, JSON.stringify(value));
      store.setItem(key + "-timestamp", String(Date.now()));
      return true;
    } catch (e) {
      return false;  // full (QuotaExceededError) or refused
    }
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    quotes: {
      // On load: the stored quotes (as stored: the server checks them), and the note when none can be kept.
      load: function () {
        var store = storage();
        var saved = read(KEY);
        var note = "";
        // probe writes: the storage may read but refuse to keep anything, or have no room for another quote
        var probe = false;
        try {
          store.setItem(KEY + "-probe", new Array(2049).join("xx"));
          store.removeItem(KEY + "-probe");
          probe = true;
        } catch (e) {
          probe = false;
        }
        if (!probe || !write(saved)) note = CANNOT_KEEP;
        // nothing stored, nothing to say: no change, so the first view needs no request
        var same = window.dash_clientside.no_update;
        var assumptions = read(ASSUMPTIONS);
        return [saved.length ? saved : same, note || same, assumptions.length ? assumptions : same];
      },
      // The quote form's values for its live reading, once a price is typed or cleared (else no request).
      formValues: function (treatment, price, currency, covers, quantity, per, previous) {
        var typed = price !== null && price !== undefined && String(price).trim() !== "";
        var before = Array.isArray(previous) && previous[1] !== null && String(previous[1]).trim() !== "";
        if (!typed && !before) return window.dash_clientside.no_update;
        return [treatment, price, currency, covers, quantity, per];
      },
      // The assumptions are kept the same way; the note above speaks for both.
      saveAssumptions: function (data) {
        return write(Array.isArray(data) ? data : [], ASSUMPTIONS) ? "" : CANNOT_KEEP;
      },
      // After every change of the quotes: keep them, or say that they cannot be kept.
      save: function (data) {
        return write(Array.isArray(data) ? data : []) ? "" : CANNOT_KEEP;
      },
    },
  });
})();
