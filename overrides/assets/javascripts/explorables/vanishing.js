// Vanishing gradients: ‖δ_l‖ / ‖δ_L‖ layer by layer (log scale) for the chosen
// activation, weight scale and state, with 0.25^(L−l) and the measured bound
// (sigmoid_guide/explorables/vanishing.py). The axes stay fixed across settings, so the
// reader sees the lines swing from vanishing (below 1) to exploding (above 1).
import { axes, decadeTicks, legend, linear, log10, pathData, svg } from "./plot.js"

export function draw(plot, cell, payload) {
  const { width, height } = plot
  const text = payload.strings
  const box = { left: 52, right: width - 12, top: 26, bottom: height - 42 }
  const layers = payload.layers
  const x = linear([layers[0] - 0.3, layers[layers.length - 1] + 0.3], [box.left, box.right])
  const y = log10(payload.y_domain, [box.bottom, box.top])
  const most = Math.max(4, Math.floor((box.bottom - box.top) / 28))
  const step = width < 420 ? 3 : 1
  const xTicks = layers.filter((_, i) => i % step === 0 || i === layers.length - 1)
    .map(l => ({ value: l, label: String(l) }))
  const group = axes(plot.svg, {
    x, y, box, xTicks,
    yTicks: decadeTicks(payload.y_domain, most),
    xLabel: text.x_label,
    yLabel: text.y_label,
  })
  const series = (values, classes) => {
    const points = layers.map((l, i) => [x(l), values[i] === null ? null : y(values[i])])
    svg("path", { class: `sg-x-line ${classes}`, d: pathData(points) }, group)
    return points
  }
  svg("line", { class: "sg-x-line sg-x-cref sg-x-dotted", x1: box.left, x2: box.right, y1: y(1), y2: y(1) }, group)
  if (cell.status === "ok") {
    series(cell.bound, "sg-x-c2 sg-x-dashed")
    for (const [px, py] of series(cell.y, "sg-x-c1")) {
      if (py !== null) svg("circle", { class: "sg-x-dot sg-x-c1", cx: px, cy: py, r: 3.5 }, group)
    }
  }
  // On top: at the standard sigmoid setting it runs right along the measured line.
  series(payload.naive, "sg-x-c3 sg-x-dotted")
  legend(plot.box, [
    { label: text.measured, classes: "sg-x-c1" },
    { label: text.bound, classes: "sg-x-c2 sg-x-dashed" },
    { label: text.naive, classes: "sg-x-c3 sg-x-dotted" },
    { label: text.one, classes: "sg-x-cref sg-x-dotted" },
  ])
}
