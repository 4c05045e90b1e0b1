// What every explorable figure shares: reading its controls, showing the numbers of the
// chosen setting (readout, table, aria-live sentence) and redrawing its plot. All
// numbers and sentences come from the page's JSON (sigmoid_guide.explorables), computed
// when the site was built: this file formats nothing and computes nothing.
import { frame } from "./plot.js"

// Reads the setting from the controls: one option index per control, in key order.
function setting(root) {
  return [...root.querySelectorAll("[data-control]")].map(control => {
    const range = control.querySelector("input[type=range]")
    if (range) return Number(range.value)
    const checked = control.querySelector("input[type=radio]:checked")
    return checked ? Number(checked.value) : 0
  })
}

function fillReadout(list, pairs) {
  list.replaceChildren(
    ...pairs.flatMap(([label, text]) => {
      const dt = document.createElement("dt")
      dt.textContent = label
      const dd = document.createElement("dd")
      dd.textContent = text
      return [dt, dd]
    })
  )
}

function fillTable(box, table, note) {
  if (!table) {
    box.replaceChildren()
    return
  }
  const element = document.createElement("table")
  const head = element.createTHead().insertRow()
  for (const text of table.head) {
    const th = document.createElement("th")
    th.scope = "col"
    th.textContent = text
    head.append(th)
  }
  const body = element.createTBody()
  for (const row of table.rows) {
    const tr = body.insertRow()
    row.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td")
      if (i === 0) cell.scope = "row"
      cell.textContent = text
      tr.append(cell)
    })
  }
  if (note) {
    const caption = element.createCaption()
    caption.textContent = note
  }
  box.replaceChildren(element)
}

// Wires one explorable: `draw(plot, cell, payload)` draws the cell of the current
// setting into `plot` (see plot.js: frame) and is called again when the plot's width
// changes. Each update is timed with performance marks named after the figure, which
// the browser tests read.
export function mount(root, payload, draw) {
  const name = payload.name
  const form = root.querySelector(".sg-x-controls")
  const readout = root.querySelector(".sg-x-readout")
  const table = root.querySelector(".sg-x-table")
  const live = root.querySelector(".sg-x-live")
  const plot = frame(root.querySelector(".sg-x-plot"))
  let current = null
  let currentSetting = null

  function render(announce) {
    const indices = setting(root)
    const key = indices.join("/")
    const cell = payload.cells[key]
    if (!cell) throw new Error(`explorable ${name}: no data for setting ${key}`)
    performance.mark(`sg-explorable:${name}:start`)
    root.querySelectorAll("[data-control]").forEach((control, i) => {
      const range = control.querySelector("input[type=range]")
      if (!range) return
      const label = payload.controls[i].options[indices[i]]
      range.setAttribute("aria-valuetext", label)
      control.querySelector("output").textContent = label
    })
    plot.draw(cell, payload, draw, indices)
    fillReadout(readout, cell.readout)
    fillTable(table, cell.table, payload.strings.table_note)
    if (announce) live.textContent = cell.live
    root.dataset.key = key
    current = cell
    currentSetting = indices
    performance.measure(`sg-explorable:${name}`, `sg-explorable:${name}:start`)
  }

  form.addEventListener("input", () => render(true))
  form.addEventListener("submit", event => event.preventDefault())
  plot.onResize(() => current && plot.draw(current, payload, draw, currentSetting))
  root.hidden = false
  // The first sentence is written without announcing a change the reader did not make;
  // aria-live regions announce changes only, so the text is set before it is watched.
  render(false)
  live.textContent = current.live
}
