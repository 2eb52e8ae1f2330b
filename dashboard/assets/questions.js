// The "Print" button of the questions for the clinic: the browser's print dialog (app.css prints only the
// questions). Called by name (ClientsideFunction): the page's CSP forbids eval.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  questions: {
    print: function () {
      window.print();
      return window.dash_clientside.no_update;
    },
  },
});
