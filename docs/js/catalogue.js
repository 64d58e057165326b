/* cnenforce: sorting and filtering the case catalogue (cases/index.html) in the browser.
 *
 * The page holds every case as a table row with the data the filters need in data- attributes
 * (written at build time by docs/hooks/cnsite/catalogue.py); without this script the table is
 * simply complete. The filters live in the address after "#" (year=2017&province=CN-GD&...),
 * so a filtered view can be bookmarked and shared, and it works from file:// too.
 * No framework, no network: it only reads the page it is on. */
(function () {
  "use strict";

  var form = document.getElementById("cn-filters");
  var table = document.getElementById("cn-catalogue");
  if (!form || !table) {
    return;
  }
  var tbody = table.tBodies[0];
  var original = Array.prototype.slice.call(tbody.rows);
  var count = document.getElementById("cn-count");
  var empty = document.getElementById("cn-empty");
  var LISTS = { akind: 1, instrument: 1, measure: 1, tag: 1 };
  var NAMES = ["q", "year", "akind", "province", "instrument", "measure", "tag", "fine-min", "fine-max", "sort"];

  function normal(text) {
    return (text || "").normalize("NFKC").toLowerCase();
  }

  var haystacks = original.map(function (row) {
    return normal(row.textContent + " " + (row.getAttribute("data-text") || ""));
  });

  function field(name) {
    return form.elements.namedItem(name);
  }

  function state() {
    var values = {};
    NAMES.forEach(function (name) {
      var input = field(name);
      if (input && input.value.trim() !== "") {
        values[name] = input.value.trim();
      }
    });
    return values;
  }

  function matches(row, index, values) {
    var key;
    for (key in values) {
      if (!Object.prototype.hasOwnProperty.call(values, key) || key === "sort" || key === "q") {
        continue;
      }
      if (key === "fine-min" || key === "fine-max") {
        continue;
      }
      var data = row.getAttribute("data-" + key) || "";
      if (LISTS[key]) {
        if (data.split(" ").indexOf(values[key]) < 0) {
          return false;
        }
      } else if (data !== values[key]) {
        return false;
      }
    }
    if (values["fine-min"] !== undefined || values["fine-max"] !== undefined) {
      var fine = parseFloat(row.getAttribute("data-fine"));
      if (isNaN(fine)) {
        return false;
      }
      var low = parseFloat(values["fine-min"]);
      var high = parseFloat(values["fine-max"]);
      if ((!isNaN(low) && fine < low) || (!isNaN(high) && fine > high)) {
        return false;
      }
    }
    if (values.q) {
      var terms = normal(values.q).split(/\s+/);
      for (var i = 0; i < terms.length; i++) {
        if (terms[i] && haystacks[index].indexOf(terms[i]) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  function sortKey(row, column) {
    var cell = row.cells[column];
    var value = cell ? cell.getAttribute("data-sort") : null;
    if (value === null) {
      return normal(cell ? cell.textContent : "");
    }
    var number = parseFloat(value);
    return isNaN(number) ? normal(value) : number;
  }

  function ordered(values) {
    var rows = original.slice();
    var sort = /^(\d+)-(asc|desc)$/.exec(values.sort || "");
    if (!sort) {
      return rows;
    }
    var column = parseInt(sort[1], 10);
    var sign = sort[2] === "asc" ? 1 : -1;
    var position = new Map(rows.map(function (row, index) { return [row, index]; }));
    return rows.sort(function (a, b) {
      var x = sortKey(a, column);
      var y = sortKey(b, column);
      if (x < y) { return -sign; }
      if (x > y) { return sign; }
      return position.get(a) - position.get(b);
    });
  }

  function writeAddress(values) {
    var params = new URLSearchParams();
    NAMES.forEach(function (name) {
      if (values[name] !== undefined) {
        params.set(name, values[name]);
      }
    });
    var hash = params.toString();
    var url = location.href.split("#")[0] + (hash ? "#" + hash : "");
    if (url !== location.href) {
      history.replaceState(null, "", url);
    }
  }

  function readAddress() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    NAMES.forEach(function (name) {
      var input = field(name);
      if (!input) {
        return;
      }
      var value = params.get(name) || "";
      if (name === "sort" && /^\d+-(asc|desc)$/.test(value) && input.tagName === "SELECT") {
        ensureOption(input, value);
      }
      if (input.tagName === "SELECT") {
        var known = Array.prototype.some.call(input.options, function (option) { return option.value === value; });
        input.value = known ? value : "";
      } else {
        input.value = value;
      }
    });
  }

  function ensureOption(select, value) {
    if (Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      return;
    }
    var parts = value.split("-");
    var th = table.querySelector('th[data-column="' + parts[0] + '"]');
    if (!th) {
      return;
    }
    var option = document.createElement("option");
    option.value = value;
    option.textContent = th.textContent + (parts[1] === "asc" ? " ▲" : " ▼");
    select.appendChild(option);
  }

  function markHeaders(values) {
    var sort = /^(\d+)-(asc|desc)$/.exec(values.sort || "");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var column = th.getAttribute("data-column");
      if (sort && column === sort[1]) {
        th.setAttribute("aria-sort", sort[2] === "asc" ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }

  function apply() {
    var values = state();
    var shown = 0;
    var fragment = document.createDocumentFragment();
    ordered(values).forEach(function (row) {
      var visible = matches(row, original.indexOf(row), values);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
      fragment.appendChild(row);
    });
    tbody.appendChild(fragment);
    count.textContent = shown === original.length
      ? original.length + " cases"
      : shown + " of " + original.length + " cases";
    empty.hidden = shown !== 0;
    markHeaders(values);
    writeAddress(values);
  }

  // Sorting by a column's header: the first click sorts ascending (the fine: largest first).
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var column = th.getAttribute("data-column");
    if (column === null) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    button.title = "Sort by " + th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var sort = field("sort");
      var current = /^(\d+)-(asc|desc)$/.exec(sort.value || "");
      var first = column === "7" || column === "0" ? "desc" : "asc";
      var direction = current && current[1] === column ? (current[2] === "asc" ? "desc" : "asc") : first;
      var value = column + "-" + direction;
      ensureOption(sort, value);
      sort.value = value;
      apply();
    });
  });

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { history.replaceState(null, "", location.href.split("#")[0]); apply(); }, 0); });
  window.addEventListener("hashchange", function () { readAddress(); apply(); });

  form.hidden = false;
  readAddress();
  apply();
})();
