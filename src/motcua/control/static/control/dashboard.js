// The dashboard's charts from the page's #chart-data (a static file: the Content-Security-Policy allows no inline script).
// Every bar keeps its own label (no skipping: the frame grows with the rows), long names wrap on a phone instead
// of being clipped, both axes are titled (data-x-title, data-y-title on the canvas) and the tables below give
// the same figures as text.
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const s = data.series;
  const phone = window.matchMedia("(max-width: 575.98px)").matches;
  const width = phone ? 16 : 32;  // characters per line of a label

  function wrap(label) {
    const lines = [];
    let line = "";
    String(label).split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  function frame(canvas, rows, linesPerRow) {
    // Enough height for every row's label, so that none is skipped and none sits beside another bar.
    const perRow = Math.max(28, linesPerRow * 16 + 12);
    canvas.parentElement.style.height = Math.max(220, rows * perRow + 110) + "px";
  }

  function axes(canvas, x) {
    return {
      x: Object.assign({ title: { display: true, text: canvas.dataset.xTitle } }, x),
      y: { stacked: x.stacked, title: { display: !phone, text: canvas.dataset.yTitle },
           ticks: { autoSkip: false, font: { size: 12 } } }
    };
  }

  const agencies = document.getElementById("chart-agencies");
  if (agencies && data.labels.length) {
    const labels = data.labels.map(wrap);
    frame(agencies, labels.length, Math.max.apply(null, labels.map(function (l) { return l.length; })));
    new Chart(agencies, {
      type: "bar",
      data: { labels: labels, datasets: [
        { label: s.on_time, data: data.on_time, backgroundColor: "#198754" },
        { label: s.late, data: data.late, backgroundColor: "#e0a800" },
        { label: s.overdue, data: data.overdue, backgroundColor: "#dc3545" },
        { label: s.open, data: data.open, backgroundColor: "#6c757d" } ] },
      options: { indexAxis: "y", maintainAspectRatio: false, animation: false,
                 plugins: { legend: { position: phone ? "bottom" : "top" } },
                 scales: axes(agencies, { stacked: true, ticks: { precision: 0, font: { size: 12 } } }) }
    });
  }
  const targets = document.getElementById("chart-targets");
  if (targets) {
    const labels = data.targets.map(wrap);
    frame(targets, labels.length, Math.max.apply(null, labels.map(function (l) { return l.length; })));
    new Chart(targets, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: s.progress, data: data.target_percent, backgroundColor: "#0b4ea2" }] },
      options: { indexAxis: "y", maintainAspectRatio: false, animation: false,
                 plugins: { legend: { position: phone ? "bottom" : "top" } },
                 scales: axes(targets, { min: 0, max: 100, ticks: { font: { size: 12 } } }) }
    });
  }
})();
