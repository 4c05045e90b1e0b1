// Keeps the language switcher pointing at the same page in the other language after an
// instant navigation. Material swaps the page's content but not the header, where the
// switcher is, so its links would go on pointing at the translation of the first page
// (hooks/i18n.py writes them per page). Both languages have the same pages under their
// roots, so a link is the other language's root plus this page's path below its own.
// The root of this page's language, from Material's config (__md_scope is the Korean root
// on both sites: hooks/i18n.py sets extra.scope so that settings such as the palette are
// shared).
const scope = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href)

function below(url) {
  return url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null
}

const links = [...document.querySelectorAll(".md-select__link[hreflang]")].flatMap(link => {
  const here = below(new URL(location.href))
  const target = new URL(link.href)
  if (here === null || !target.pathname.endsWith(here)) return []
  const root = new URL(target.pathname.slice(0, target.pathname.length - here.length), target)
  return [{ link, root }]
})

function update() {
  const here = below(new URL(location.href))
  if (here === null) return
  for (const { link, root } of links) link.href = new URL(here, root).href
}

if (window.document$) window.document$.subscribe(update)

// After each page change Material's language integration fetches "sitemap.xml" below
// every <link rel="alternate"> in <head>: the hreflang links, which name the production
// host (blocked by the Content-Security-Policy on any other host) and a folder that has
// no sitemap (a 404 on the host itself). main.html hides the first page's links while
// Material starts; instant navigation then appends the next page's links to <head>
// (with head.appendChild), and they are added here as rel="x-alternate" instead. The
// HTML the server sends, which is what search engines read, keeps rel="alternate".
const head = document.head
const append = head.appendChild.bind(head)
head.appendChild = node => {
  if (node instanceof HTMLLinkElement && node.rel === "alternate" && node.hreflang) {
    node.rel = "x-alternate"
  }
  return append(node)
}
