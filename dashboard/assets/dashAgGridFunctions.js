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
  else if (isUnknown(high) || low === high) text = plain(low, 1);
  else text = plain(low, 1) + "–" + plain(high, 1);
  return unit ? text + " " + unit : text;
};

dagfuncs.text = function (params) {
  return isUnknown(params.value) || params.value === "" ? "unknown" : String(params.value);
};

dagfuncs.shown = function (params) {
  return isUnknown(params.value) || params.value === "" ? "unknown" : String(params.value);
};

// Sorting: options without a figure go last whichever way a column is sorted (AG Grid reverses
// a comparator's result for a descending sort, so the unknown side flips with it).
function unknownFirst(a, b, isDescending) {
  var ua = isUnknown(a), ub = isUnknown(b);
  if (ua && ub) return 0;
  if (ua) return isDescending ? -1 : 1;
  if (ub) return isDescending ? 1 : -1;
  return null;
}

function compareKnown(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

dagfuncs.unknownLast = function (valueA, valueB, nodeA, nodeB, isDescending) {
  var order = unknownFirst(valueA, valueB, isDescending);
  return order === null ? compareKnown(valueA, valueB) : order;
};

// Total over the horizon: by the lower bound, then the upper (an open upper bound sorts as largest).
dagfuncs.totalOrder = function (valueA, valueB, nodeA, nodeB, isDescending) {
  var order = unknownFirst(valueA, valueB, isDescending);
  if (order !== null) return order;
  if (valueA !== valueB) return valueA - valueB;
  var a = nodeA && nodeA.data ? nodeA.data : {}, b = nodeB && nodeB.data ? nodeB.data : {};
  var ha = a.total_open || isUnknown(a.total_high) ? Infinity : a.total_high;
  var hb = b.total_open || isUnknown(b.total_high) ? Infinity : b.total_high;
  return ha === hb ? 0 : ha < hb ? -1 : 1;
};

// Options over budget are dimmed and kept below the others in every sort.
dagfuncs.rowClass = function (params) {
  return params.data && params.data.over ? "over-budget-row" : "";
};

dagfuncs.overBudgetLast = function (params) {
  var nodes = params.nodes, kept = [], over = [];
  for (var i = 0; i < nodes.length; i++) {
    (nodes[i].data && nodes[i].data.over ? over : kept).push(nodes[i]);
  }
  var all = kept.concat(over);
  for (var j = 0; j < all.length; j++) nodes[j] = all[j];
};

// Tab leaves the grid (one Tab stop); arrow keys move between cells inside it.
dagfuncs.leaveGrid = function () {
  return false;
};
