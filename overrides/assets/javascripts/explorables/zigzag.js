// The zig-zag: the first updates of (mini-batch) gradient descent on one linear unit
// with two weights, over the loss's contour ellipses (sigmoid_guide/explorables/
// zigzag.py). Each update is coloured by whether its gradient's two components share a
// sign. Both axes have the same scale, so the ellipses' real shape shows, and each
// kind of input keeps one view for every batch size and learning rate.
import { axes, legend, linear, pathData, svg } from "./plot.js"

function ticks([d0, d1], most) {
  const raw = (d1 - d0) / Math.max(1, most)
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2].find(s => s >= raw) || 5
  const out = []
  for (let v = Math.ceil(d0 / step) * step; v <= d1 + 1e-9; v += step) {
    const value = Math.round(v / step) * step
    out.push({ value, label: String(Number(value.toFixed(2))).replace("-", "−") })
  }
  return out
}

export function draw(plot, cell, payload) {
  const { width } = plot
  const text = payload.strings
  const problem = payload.problems[cell.problem]
  const [[x0, x1], [y0, y1]] = problem.domain
  const outer = { left: 44, right: width - 10, top: 24 }
  // One scale for both axes, from the width; the plot grows as tall as the view needs,
  // up to 1.2 times its width and 460 px (then the width shrinks instead).
  const tallest = Math.min(460, 1.2 * width)
  const k = Math.min((outer.right - outer.left) / (x1 - x0), tallest / (y1 - y0))
  const w = k * (x1 - x0)
  const h = k * (y1 - y0)
  const box = { left: outer.left, right: outer.left + w, top: outer.top, bottom: outer.top + h }
  const x = linear([x0, x1], [box.left, box.right])
  const y = linear([y0, y1], [box.bottom, box.top])
  plot.svg.setAttribute("viewBox", `0 0 ${width} ${Math.ceil(box.bottom + 40)}`)
  plot.svg.setAttribute("height", Math.ceil(box.bottom + 40))
  const group = axes(plot.svg, {
    x, y, box,
    xTicks: ticks([x0, x1], Math.max(3, Math.floor(w / 70))),
    yTicks: ticks([y0, y1], Math.max(3, Math.floor(h / 45))),
    xLabel: text.x_label,
    yLabel: text.y_label,
  })
  const clipId = `sg-x-zigzag-clip-${Math.random().toString(36).slice(2)}`
  const clip = svg("clipPath", { id: clipId }, svg("defs", {}, group))
  svg("rect", { x: box.left, y: box.top, width: w, height: h }, clip)
  const inside = svg("g", { "clip-path": `url(#${clipId})` }, group)
  const [[v1x, v1y], [v2x, v2y]] = problem.eigenvectors
  const [sx, sy] = problem.w_star
  for (const [a1, a2] of problem.semi_axes) {
    const points = []
    for (let i = 0; i <= 72; i++) {
      const t = (2 * Math.PI * i) / 72
      const c = a1 * Math.cos(t)
      const s = a2 * Math.sin(t)
      points.push([x(sx + c * v1x + s * v2x), y(sy + c * v1y + s * v2y)])
    }
    svg("path", { class: "sg-x-line sg-x-grid", d: pathData(points) + "Z" }, inside)
  }
  const path = cell.path
  for (let i = 1; i < path.length; i++) {
    const same = cell.same[i - 1] === "1"
    svg("line", {
      class: `sg-x-line ${same ? "sg-x-c1" : "sg-x-c2"}`,
      x1: x(path[i - 1][0]), y1: y(path[i - 1][1]), x2: x(path[i][0]), y2: y(path[i][1]),
    }, inside)
  }
  if (cell.early < path.length) {
    const [ex, ey] = path[cell.early]
    svg("circle", { class: "sg-x-dot sg-x-c3", cx: x(ex), cy: y(ey), r: 5 }, inside)
  }
  const [wx, wy] = payload.w0
  svg("circle", { class: "sg-x-dot sg-x-c4", cx: x(wx), cy: y(wy), r: 5 }, inside)
  const ox = x(sx)
  const oy = y(sy)
  svg("path", { class: "sg-x-line sg-x-cref", d: `M${ox - 6},${oy - 6}L${ox + 6},${oy + 6}M${ox - 6},${oy + 6}L${ox + 6},${oy - 6}` }, inside)
  legend(plot.box, [
    { label: text.same, classes: "sg-x-c1" },
    { label: text.mixed, classes: "sg-x-c2" },
    { label: text.early_end, classes: "sg-x-c3", dot: true },
    { label: text.start, classes: "sg-x-c4", dot: true },
    { label: text.optimum, classes: "sg-x-cref", cross: true },
    { label: text.contours, classes: "sg-x-grid" },
  ])
}
