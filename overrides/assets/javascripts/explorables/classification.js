// Binary cross-entropy at one logit z, computed three ways in float32 and float64
// (sigmoid_guide/explorables/classification.py): the loss curves over the whole z
// range (log scale), a marker on each at the chosen z, and where σ(z) rounds to 1 in
// each format. The exact numbers are in the table under the plot.
import { axes, decadeTicks, legend, linear, log10, pathData, svg } from "./plot.js"

// Drawn back to front: the from-logits results lie on the exact curve (within 8ε).
const SERIES = [
  { key: "exact", classes: "sg-x-cref" },
  { key: "clip/float32", classes: "sg-x-c3 sg-x-dashed" },
  { key: "prob/float64", classes: "sg-x-c1" },
  { key: "prob/float32", classes: "sg-x-c2" },
]

export function draw(plot, cell, payload) {
  const { width, height } = plot
  const text = payload.strings
  const [yi, zi] = plot.setting
  const zs = payload.z
  const curves = payload.curves[yi]
  const box = { left: 52, right: width - 12, top: 26, bottom: height - 42 }
  const x = linear([zs[0], zs[zs.length - 1]], [box.left, box.right])
  const y = log10(payload.y_domain, [box.bottom, box.top])
  const most = Math.max(4, Math.floor((box.bottom - box.top) / 30))
  const xTicks = [-60, -40, -20, 0, 20, 40, 60]
    .filter(v => v >= zs[0] && v <= zs[zs.length - 1] && (width >= 420 || v % 40 === 0 || v === 0))
    .map(v => ({ value: v, label: String(v).replace("-", "−") }))
  const group = axes(plot.svg, {
    x, y, box, xTicks,
    yTicks: decadeTicks(payload.y_domain, most),
    xLabel: text.x_axis,
    yLabel: text.y_axis,
  })
  // An exact zero cannot sit on a log axis: it is drawn on the bottom edge.
  const py = v => (v === null ? null : v === 0 ? box.bottom : y(v))
  for (const dtype of ["float32", "float64"]) {
    const at = x(payload.breaks.sigma_one_from[dtype])
    svg("line", { class: "sg-x-line sg-x-cmuted sg-x-dashed", x1: at, x2: at, y1: box.top, y2: box.bottom }, group)
  }
  for (const { key, classes } of SERIES) {
    const values = curves[key]
    svg("path", { class: `sg-x-line ${classes}`, d: pathData(zs.map((z, i) => [x(z), py(values[i])])) }, group)
  }
  const px = x(zs[zi])
  svg("line", { class: "sg-x-line sg-x-cref sg-x-dotted", x1: px, x2: px, y1: box.top, y2: box.bottom }, group)
  for (const { key, classes } of SERIES) {
    const value = curves[key][zi]
    const color = classes.split(" ")[0]
    if (value === null) {
      // ∞ or NaN: a cross on the top edge.
      svg("path", { class: `sg-x-line ${color}`, d: `M${px - 5},${box.top - 5}L${px + 5},${box.top + 5}M${px - 5},${box.top + 5}L${px + 5},${box.top - 5}` }, group)
    } else {
      svg("circle", { class: `sg-x-dot ${color}`, cx: px, cy: py(value), r: 4 }, group)
    }
  }
  legend(plot.box, [
    { label: `${text.legend.exact} = ${text.legend["logits/float32"]} = ${text.legend["logits/float64"]}`, classes: "sg-x-cref" },
    { label: text.legend["prob/float32"], classes: "sg-x-c2" },
    { label: text.legend["prob/float64"], classes: "sg-x-c1" },
    { label: text.legend["clip/float32"], classes: "sg-x-c3 sg-x-dashed" },
    { label: `${text.one_from.float32}, ${text.one_from.float64}`, classes: "sg-x-cmuted sg-x-dashed" },
    { label: text.nonfinite_mark[yi], classes: "sg-x-cref", cross: true },
  ])
}
