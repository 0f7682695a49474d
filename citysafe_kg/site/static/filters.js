// Filters of the home page's program list: each select narrows the rows by a data attribute.
(function () {
  var form = document.getElementById("filters");
  var rows = document.querySelectorAll("#program-list tbody tr");
  var shown = document.getElementById("shown");
  if (!form) return;
  function apply() {
    var wanted = {};
    form.querySelectorAll("select").forEach(function (s) { wanted[s.name] = s.value; });
    var count = 0;
    rows.forEach(function (row) {
      var ok = Object.keys(wanted).every(function (name) {
        if (!wanted[name]) return true;
        var values = (row.getAttribute("data-" + name) || "").split(" ");
        return values.indexOf(wanted[name]) !== -1;
      });
      row.hidden = !ok;
      if (ok) count += 1;
    });
    shown.textContent = String(count);
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
