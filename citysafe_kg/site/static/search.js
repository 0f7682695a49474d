// Pagefind's own interface, from the site's pagefind/ folder (nothing is loaded from elsewhere).
window.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
});
