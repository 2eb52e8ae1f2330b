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

// A cost range: "$1,002–$1,670", "$167" (one figure), "at least $1,002" (upper bound open),
// "no price" (nothing known).
dagfuncs.costRange = function (params, lowField, highField) {
  var d = params.data || {};
  var symbol = d.currency_symbol || "";
  var low = d[lowField], high = d[highField];
  var mark = d.assumed ? " (your assumption)" : "";
  if (isUnknown(low) && isUnknown(high)) return "no price";
  if (isUnknown(high)) return "at least " + symbol + plain(low, 0) + mark;
  if (isUnknown(low)) return "up to " + symbol + plain(high, 0) + mark;
  if (Math.round(low) === Math.round(high)) return symbol + plain(low, 0) + mark;
  return symbol + plain(low, 0) + "–" + symbol + plain(high, 0) + mark;
};

// Cells whose figure rests on the user's own assumption get their own style.
dagfuncs.assumedClass = function (params) {
  return params.data && params.data.assumed ? "assumed-cell" : "";
};

// Sort by the lower bound, then the upper (an open upper bound after any known one); rows with
// no figure come last whichever way the column is sorted.
function lowThenHigh(lowField, highField, nodeA, nodeB, isDescending) {
  var a = (nodeA && nodeA.data) || {}, b = (nodeB && nodeB.data) || {};
  var aNone = isUnknown(a[lowField]) && isUnknown(a[highField]);
  var bNone = isUnknown(b[lowField]) && isUnknown(b[highField]);
  if (aNone || bNone) {
    if (aNone && bNone) return 0;
    return (aNone ? 1 : -1) * (isDescending ? -1 : 1);
  }
  var aLow = isUnknown(a[lowField]) ? -Infinity : a[lowField];
  var bLow = isUnknown(b[lowField]) ? -Infinity : b[lowField];
  if (aLow !== bLow) return aLow < bLow ? -1 : 1;
  var aHigh = isUnknown(a[highField]) ? Infinity : a[highField];
  var bHigh = isUnknown(b[highField]) ? Infinity : b[highField];
  return aHigh === bHigh ? 0 : (aHigh < bHigh ? -1 : 1);
}

dagfuncs.totalOrder = function (valueA, valueB, nodeA, nodeB, isDescending) {
  return lowThenHigh("total_low", "total_high", nodeA, nodeB, isDescending);
};

dagfuncs.initialOrder = function (valueA, valueB, nodeA, nodeB, isDescending) {
  return lowThenHigh("initial_low", "initial_high", nodeA, nodeB, isDescending);
};

dagfuncs.sessionOrder = function (valueA, valueB, nodeA, nodeB, isDescending) {
  return lowThenHigh("session_low", "session_high", nodeA, nodeB, isDescending);
};

// Plain values with unknowns last in both directions.
dagfuncs.nullsLast = function (valueA, valueB, nodeA, nodeB, isDescending) {
  var aNone = isUnknown(valueA), bNone = isUnknown(valueB);
  if (aNone || bNone) {
    if (aNone && bNone) return 0;
    return (aNone ? 1 : -1) * (isDescending ? -1 : 1);
  }
  if (valueA === valueB) return 0;
  return valueA < valueB ? -1 : 1;
};
