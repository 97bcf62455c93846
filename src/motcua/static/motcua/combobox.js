// Search as you type (WAI-ARIA 1.2 combobox with a list popup): an <input data-combobox-source="URL"> asks
// URL?q=… (JSON {"results": [{"id", "label"}]}) as the user types and lists the answers; arrows move, Enter or
// a click chooses: the choice is set on the <select> named by data-combobox-select and the form is sent with
// the button named by data-combobox-submit. Without JavaScript the input and its button filter on the server.
(function () {
  "use strict";
  var DELAY = 200;

  function enhance(input) {
    var select = document.getElementById(input.dataset.comboboxSelect);
    var submit = document.getElementById(input.dataset.comboboxSubmit);
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var timer = null;
    var asked = 0;
    var active = -1;
    var results = [];

    list.id = input.id + "_listbox";
    list.className = "list-group mc-combobox-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = list.querySelectorAll("[role=option]");
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
        item.classList.toggle("active", i === index);
      });
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({block: "nearest"});
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var row = results[index];
      if (!row) { return; }
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === String(row.id); });
      if (!option) {
        option = new Option(row.label, String(row.id));
        select.add(option, 0);
      }
      select.value = String(row.id);
      input.value = row.label;
      close();
      if (input.form.requestSubmit && submit) { input.form.requestSubmit(submit); } else { input.form.submit(); }
    }

    function show(rows) {
      results = rows;
      list.replaceChildren();
      rows.forEach(function (row, i) {
        var item = document.createElement("li");
        item.id = list.id + "_" + i;
        item.className = "list-group-item list-group-item-action";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = row.label;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(i); });
        list.appendChild(item);
      });
      status.textContent = rows.length ? input.dataset.comboboxFound + " " + rows.length : input.dataset.comboboxNone;
      list.hidden = rows.length === 0;
      input.setAttribute("aria-expanded", rows.length ? "true" : "false");
      highlight(-1);
    }

    function ask() {
      var text = input.value.trim();
      var ticket = ++asked;
      if (!text) { close(); status.textContent = ""; return; }
      fetch(input.dataset.comboboxSource + "?q=" + encodeURIComponent(text), {
        credentials: "same-origin",
        headers: {"Accept": "application/json"}
      }).then(function (response) {
        return response.ok ? response.json() : {results: []};
      }).then(function (data) {
        if (ticket === asked) { show(data.results || []); }  // an older, slower answer is dropped
      }).catch(function () { /* the server-side search still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var count = results.length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % count);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        highlight(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  function start() {
    document.querySelectorAll("input[data-combobox-source]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
