// The dashboard's charts from the page's #chart-data (a static file: the Content-Security-Policy allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const s = data.series;
  const agencies = document.getElementById("chart-agencies");
  if (agencies && data.labels.length) {
    new Chart(agencies, {
      type: "bar",
      data: { labels: data.labels, datasets: [
        { label: s.on_time, data: data.on_time, backgroundColor: "#198754" },
        { label: s.late, data: data.late, backgroundColor: "#e0a800" },
        { label: s.overdue, data: data.overdue, backgroundColor: "#dc3545" },
        { label: s.open, data: data.open, backgroundColor: "#6c757d" } ] },
      options: { indexAxis: "y", maintainAspectRatio: false, animation: false,
                 scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } }
    });
  }
  const targets = document.getElementById("chart-targets");
  if (targets) {
    new Chart(targets, {
      type: "bar",
      data: { labels: data.targets, datasets: [{ label: s.progress, data: data.target_percent, backgroundColor: "#0b4ea2" }] },
      options: { indexAxis: "y", maintainAspectRatio: false, animation: false, scales: { x: { min: 0, max: 100 } } }
    });
  }
})();
