// Progressive enhancement of the request form: show the order-details and agent sections only
// when they apply. Without JavaScript every section stays visible and the form works the same.
(function () {
  "use strict";
  var form = document.querySelector(".request-form");
  if (!form) { return; }

  function selectedKind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : "";
  }

  function update() {
    var kind = selectedKind();
    form.querySelectorAll("[data-show-for-kinds]").forEach(function (section) {
      var kinds = section.getAttribute("data-show-for-kinds").split(" ");
      section.hidden = kinds.indexOf(kind) === -1;
    });
    form.querySelectorAll("[data-show-when-checked]").forEach(function (section) {
      var box = document.getElementById(section.getAttribute("data-show-when-checked"));
      section.hidden = !(box && box.checked);
    });
  }

  form.addEventListener("change", update);
  update();
})();
