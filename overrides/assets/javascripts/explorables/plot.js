// Axes, scales and labels for the explorable figures, drawn as SVG in CSS pixels: the
// SVG is as wide as its box (so its 12 px text stays 12 px on a phone) and redrawn
// when the box changes width. Colours and line styles are CSS classes
// (stylesheets/explorables.css), so both palettes and print follow the page.
const SVG = "http://www.w3.org/2000/svg"

export function svg(tag, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG, tag)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
  if (parent) parent.append(element)
  return element
}

// A linear scale: domain [d0, d1] onto range [r0, r1].
export function linear([d0, d1], [r0, r1]) {
  const k = (r1 - r0) / (d1 - d0)
  const scale = v => r0 + (v - d0) * k
  scale.domain = [d0, d1]
  return scale
}

// A base-10 logarithmic scale over the decades [e0, e1] (10^e0 … 10^e1).
export function log10([e0, e1], range) {
  const inner = linear([e0, e1], range)
  const scale = v => inner(Math.log10(v))
  scale.domain = [10 ** e0, 10 ** e1]
  scale.decades = [e0, e1]
  return scale
}

// Decade ticks of a log scale, at most `most` of them (every k-th decade).
export function decadeTicks([e0, e1], most) {
  const step = Math.max(1, Math.ceil((e1 - e0) / Math.max(1, most - 1)))
  const ticks = []
  for (let e = Math.ceil(e0 / step) * step; e <= e1; e += step) ticks.push(e)
  return ticks.map(e => ({ value: 10 ** e, label: power(e) }))
}

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" }

// "10⁻⁶", "1" and "10" for 10^e, as the figures write them.
export function power(e) {
  if (e === 0) return "1"
  if (e === 1) return "10"
  return "10" + String(e).split("").map(c => SUPERSCRIPT[c]).join("")
}

// An SVG path through the points [x, y] (screen coordinates); a null y breaks the line.
export function pathData(points) {
  let d = ""
  let pen = false
  for (const [x, y] of points) {
    if (y === null || !Number.isFinite(y)) {
      pen = false
      continue
    }
    d += `${pen ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`
    pen = true
  }
  return d
}

// Axes with grid lines, tick labels and titles. `x` and `y` are scales; `xTicks` and
// `yTicks` lists of {value, label}. Returns the group the caller draws into.
export function axes(root, { x, y, xTicks, yTicks, xLabel, yLabel, box }) {
  const { left, top, right, bottom } = box
  const group = svg("g", {}, root)
  for (const tick of yTicks) {
    const py = y(tick.value)
    svg("line", { class: "sg-x-grid", x1: left, x2: right, y1: py, y2: py }, group)
    const text = svg("text", { x: left - 6, y: py + 4, "text-anchor": "end" }, group)
    text.textContent = tick.label
  }
  for (const tick of xTicks) {
    const px = x(tick.value)
    svg("line", { class: "sg-x-axis", x1: px, x2: px, y1: bottom, y2: bottom + 4 }, group)
    const text = svg("text", { x: px, y: bottom + 17, "text-anchor": "middle" }, group)
    text.textContent = tick.label
  }
  svg("line", { class: "sg-x-axis", x1: left, x2: right, y1: bottom, y2: bottom }, group)
  svg("line", { class: "sg-x-axis", x1: left, x2: left, y1: top, y2: bottom }, group)
  if (xLabel) {
    const text = svg("text", { class: "sg-x-label", x: (left + right) / 2, y: bottom + 34, "text-anchor": "middle" }, group)
    text.textContent = xLabel
  }
  if (yLabel) {
    const text = svg("text", { class: "sg-x-label", x: left, y: top - 10, "text-anchor": "start" }, group)
    text.textContent = yLabel
  }
  return group
}

// A legend under the plot, as HTML (it wraps on a phone): [{label, classes}], drawn as
// a line, or as a dot, a cross or a filled band where `dot`, `cross` or `zone` is set.
export function legend(box, items) {
  let list = box.querySelector(".sg-x-legend")
  if (!list) {
    list = document.createElement("ul")
    list.className = "sg-x-legend"
    box.append(list)
  }
  list.replaceChildren(
    ...items.map(({ label, classes, dot, cross, zone }) => {
      const li = document.createElement("li")
      const swatch = svg("svg", { viewBox: "0 0 28 10", "aria-hidden": "true" })
      if (zone) svg("rect", { class: `sg-x-zone ${classes}`, x: 2, y: 0, width: 24, height: 10 }, swatch)
      else if (dot) svg("circle", { class: `sg-x-dot ${classes}`, cx: 14, cy: 5, r: 4 }, swatch)
      else if (cross) svg("path", { class: `sg-x-line ${classes}`, d: "M10,1L18,9M10,9L18,1" }, swatch)
      else svg("line", { class: `sg-x-line ${classes}`, x1: 1, x2: 27, y1: 5, y2: 5 }, swatch)
      const text = document.createElement("span")
      text.textContent = label
      li.append(swatch, text)
      return li
    })
  )
}

// The plot area of one explorable: an SVG as wide as `box`, about 0.62 as high (within
// 240 … 380 px). draw(plot, cell, payload) receives {svg, width, height, box, setting}
// (setting: the option index of each control).
export function frame(box) {
  const area = document.createElement("div")
  box.append(area)
  let width = 0
  const listeners = []
  new ResizeObserver(() => {
    const next = Math.round(box.clientWidth)
    if (next && Math.abs(next - width) > 1) {
      width = next
      listeners.forEach(listener => listener())
    }
  }).observe(box)
  return {
    draw(cell, payload, draw, setting) {
      width = Math.round(box.clientWidth) || 600
      const height = Math.round(Math.min(380, Math.max(240, width * 0.62)))
      const root = svg("svg", {
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        "aria-hidden": "true",
        focusable: "false",
      })
      draw({ svg: root, width, height, box, setting }, cell, payload)
      area.replaceChildren(root)
    },
    onResize(listener) {
      listeners.push(listener)
    },
  }
}
