// recoupe's only script: highlight toggles on the article page. Pages work without it.
(function () {
  "use strict";
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    var target = document.querySelector(box.getAttribute("data-target"));
    if (!target) return;
    var cls = "hide-" + box.getAttribute("data-toggle");
    var apply = function () { target.classList.toggle(cls, !box.checked); };
    box.addEventListener("change", apply);
    apply();
  });
})();
