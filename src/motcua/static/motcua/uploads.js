// A file over the limit is refused in the browser before the upload starts (issue 17): the inputs that
// carry data-max-bytes keep only the files within it and say which were left out, in the server's words
// (data-too-large); the server checks again. Without JavaScript the server's message is the only one.
(function () {
  "use strict";

  function feedbackFor(input) {
    var id = input.id + "_size";
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.className = "invalid-feedback d-block";
      box.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", box);
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      described.push(id);
      input.setAttribute("aria-describedby", described.join(" "));
    }
    return box;
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.dataset.maxBytes) {
      return;
    }
    var limit = Number(input.dataset.maxBytes);
    var files = Array.prototype.slice.call(input.files || []);
    var big = files.filter(function (file) { return file.size > limit; });
    var box = document.getElementById(input.id + "_size");
    if (!big.length) {
      if (box) { box.textContent = ""; }
      if (!input.classList.contains("is-invalid")) { input.removeAttribute("aria-invalid"); }
      return;
    }
    var kept = new DataTransfer();
    files.forEach(function (file) { if (file.size <= limit) { kept.items.add(file); } });
    input.files = kept.files;
    box = feedbackFor(input);
    box.textContent = big.map(function (file) { return file.name + ": " + input.dataset.tooLarge; }).join(" ");
    input.setAttribute("aria-invalid", "true");
  });
})();
