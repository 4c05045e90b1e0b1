// σ(x) and σ′(x) at one x, in float32 and float64 (sigmoid_guide/explorables/
// definition.py). The numbers are in the table under the plot; the plot is a number
// line of x (asinh scale: −750 … 750 with 0 … 10 still wide) with, for each format,
// where its results are exactly 0 or 1 (upper band: σ; lower band: the textbook code's
// exp overflow and σ′ = 0) and the current x as a vertical line.
import { legend, svg } from "./plot.js"

// Which band each limit starts, and which way it extends.
const ZONES = [
  { zone: "zero", limit: "zero_below", side: "left", lane: 0, classes: "sg-x-c2" },
  { zone: "subnormal", limit: "subnormal_below", side: "left", lane: 0, classes: "sg-x-c3", from: "zero_below" },
  { zone: "one", limit: "one_from", side: "right", lane: 0, classes: "sg-x-c1" },
  { zone: "overflow", limit: "naive_overflow_below", side: "left", lane: 1, classes: "sg-x-c4" },
  { zone: "textbook_grad_zero", limit: "textbook_grad_zero_from", side: "right", lane: 1, classes: "sg-x-c4" },
  { zone: "grad_zero", limit: "grad_zero_from", side: "right", lane: 1, classes: "sg-x-c2" },
]

function label(v) {
  return String(v).replace("-", "−")
}

export function draw(plot, cell, payload) {
  const { width } = plot
  const xs = payload.x
  const x0 = xs[0]
  const x1 = xs[xs.length - 1]
  const left = 64
  const right = width - 14
  const t = v => left + ((Math.asinh(v) - Math.asinh(x0)) / (Math.asinh(x1) - Math.asinh(x0))) * (right - left)
  const dtypes = ["float32", "float64"]
  const lane = 15
  const rowHeight = 2 * lane + 14
  const top = 8
  const bottom = top + dtypes.length * rowHeight
  const height = bottom + 44
  plot.svg.setAttribute("viewBox", `0 0 ${width} ${height}`)
  plot.svg.setAttribute("height", height)
  const group = svg("g", {}, plot.svg)
  dtypes.forEach((dtype, row) => {
    const y = top + row * rowHeight
    const name = svg("text", { class: "sg-x-label", x: left - 8, y: y + lane + 4, "text-anchor": "end" }, group)
    name.textContent = dtype
    svg("rect", { class: "sg-x-grid", x: left, y, width: right - left, height: 2 * lane, fill: "none" }, group)
    const limits = payload.limits[dtype]
    for (const z of ZONES) {
      const at = limits[z.limit]
      if (!at) continue
      const start = z.side === "left" ? (z.from ? t(limits[z.from].x) : left) : t(at.x)
      const end = z.side === "left" ? t(at.x) : right
      if (end - start <= 0) continue
      svg("rect", {
        class: `sg-x-zone ${z.classes}`, x: start, y: y + z.lane * lane, width: end - start, height: lane,
      }, group)
    }
  })
  const ticks = width < 480 ? [-700, -100, -10, 0, 10, 100, 700] : [-700, -300, -100, -30, -10, -3, 0, 3, 10, 30, 100, 300, 700]
  for (const v of ticks.filter(v => v >= x0 && v <= x1)) {
    svg("line", { class: "sg-x-axis", x1: t(v), x2: t(v), y1: bottom, y2: bottom + 4 }, group)
    const text = svg("text", { x: t(v), y: bottom + 17, "text-anchor": "middle" }, group)
    text.textContent = label(v)
  }
  svg("line", { class: "sg-x-axis", x1: left, x2: right, y1: bottom, y2: bottom }, group)
  const caption = svg("text", { class: "sg-x-label", x: (left + right) / 2, y: bottom + 34, "text-anchor": "middle" }, group)
  caption.textContent = payload.strings.x_label
  const px = t(xs[plot.setting[0]])
  svg("line", { class: "sg-x-line sg-x-cref", x1: px, x2: px, y1: top - 4, y2: bottom }, group)
  const zones = payload.strings.zones
  legend(plot.box, ZONES.map(z => ({ label: zones[z.zone], classes: z.classes, zone: true })))
}
