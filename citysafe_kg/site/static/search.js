// Pagefind's own interface, from the site's pagefind/ folder (nothing is loaded from elsewhere).
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
  // Pagefind's input has a placeholder but no label: give it one, in the page's language.
  function label() {
    var input = box.querySelector("input");
    if (!input) return window.requestAnimationFrame(label);
    input.setAttribute("aria-label", box.getAttribute("data-label"));
  }
  label();
});
