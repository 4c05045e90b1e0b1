// Mounts the explorable figures of the page: on the first load and again after each
// instant navigation (Material's document$ emits then), since the page's content is
// replaced and its figures are new elements. A figure's module and data are fetched
// only on pages that have it; without this script the static figure is all there is.
import { mount } from "./explorable.js"

const modules = {
  vanishing: () => import("./vanishing.js"),
  zigzag: () => import("./zigzag.js"),
  definition: () => import("./definition.js"),
  classification: () => import("./classification.js"),
}

function mountAll() {
  for (const root of document.querySelectorAll("figure.sg-explorable[data-explorable]")) {
    if (root.dataset.state) continue
    root.dataset.state = "loading"
    const name = root.dataset.explorable
    const load = modules[name]
    if (!load) {
      root.dataset.state = "failed"
      console.error(`explorable ${name}: no module`)
      continue
    }
    const url = new URL(root.dataset.src, location.href)
    const data = fetch(url).then(response => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
      return response.json()
    })
    Promise.all([load(), data])
      .then(([module, payload]) => {
        mount(root, payload, module.draw)
        root.dataset.state = "ready"
      })
      .catch(error => {
        root.dataset.state = "failed"
        console.error(`explorable ${name}:`, error)
      })
  }
}

if (window.document$) window.document$.subscribe(mountAll)
else mountAll()
