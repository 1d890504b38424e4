(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (section) {
      section.open = true;
      opened.push(section);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (section) {
      section.open = false;
    });
    opened = [];
  });
})();
