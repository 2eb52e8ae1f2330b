// Cell formatters for the results grid. Called by name from column definitions, so no
// string is compiled at run time (the page's CSP forbids eval).
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

function isUnknown(value) {
  return value === null || value === undefined || (typeof value === "number" && isNaN(value));
}

function plain(value, digits) {
  return Number(value).toLocaleString("en-US", { maximumFractionDigits: digits });
}

dagfuncs.money = function (params) {
  if (isUnknown(params.value)) return "unknown";
  var symbol = params.data && params.data.currency_symbol ? params.data.currency_symbol : "";
  return symbol + plain(params.value, 0);
};

dagfuncs.moneyRange = function (params, lowField, highField) {
  var d = params.data || {};
  var symbol = d.currency_symbol || "";
  var low = d[lowField], high = d[highField];
  if (isUnknown(low) && isUnknown(high)) return "unknown";
  if (isUnknown(low)) return "up to " + symbol + plain(high, 0);
  if (isUnknown(high)) return "from " + symbol + plain(low, 0);
  if (low === high) return symbol + plain(low, 0);
  return symbol + plain(low, 0) + "–" + symbol + plain(high, 0);
};

dagfuncs.range = function (params, lowField, highField, unit) {
  var d = params.data || {};
  var low = d[lowField], high = d[highField];
  if (isUnknown(low) && isUnknown(high)) return "unknown";
  var text;
  if (isUnknown(low)) text = "up to " + plain(high, 1);
  else if (isUnknown(high)) text = "at least " + plain(low, 1);
  else if (low === high) text = plain(low, 1);
  else text = plain(low, 1) + "–" + plain(high, 1);
  return unit ? text + " " + unit : text;
};

dagfuncs.text = function (params) {
  return isUnknown(params.value) || params.value === "" ? "unknown" : String(params.value);
};
