// A quotes file over the upload's size limit: dcc.Upload drops it in the browser (its max_size) without a
// callback, so the page would say nothing. Seeing the chosen or dropped file first (capture phase), this
// sets the quote-upload-refused store, and the server answers with the size message. Only the time goes
// to the server: the file's name and contents never leave the browser.
(function () {
  "use strict";

  function refuse(files, box) {
    var limit = Number(box.getAttribute("data-max-bytes"));
    for (var i = 0; files && i < files.length; i++) {
      if (limit > 0 && files[i].size > limit && window.dash_clientside && window.dash_clientside.set_props) {
        window.dash_clientside.set_props("quote-upload-refused", { data: Date.now() });
        return;
      }
    }
  }

  function box(target) {
    return target && target.closest ? target.closest(".quote-upload-box[data-max-bytes]") : null;
  }

  document.addEventListener(
    "change",
    function (event) {
      var found = box(event.target);
      if (found) refuse(event.target.files, found);
    },
    true
  );
  document.addEventListener(
    "drop",
    function (event) {
      var found = box(event.target);
      if (found && event.dataTransfer) refuse(event.dataTransfer.files, found);
    },
    true
  );
})();
