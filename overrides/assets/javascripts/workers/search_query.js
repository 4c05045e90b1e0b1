/*
 * The site's search worker: Material's own worker, with each query rewritten first so
 * that it finds what learners type (hooks/search_index.py explains the whole design).
 *
 * Material's worker answers SETUP (the index) and QUERY (a string) messages. This file
 * loads it (its file name comes as ?material=...), keeps its message listener, and
 * calls that listener itself: with the index unchanged, and with a rewritten query.
 * A query word is kept if some word of the index starts with it (Material searches
 * prefixes); otherwise a particle or ending is taken off its end, or it is split into
 * the longest words of the index it is made of ("교차엔트로피" -> "교차 엔트로피",
 * "zigzag" -> "zig zag"). Question words and stop words are dropped, and so is
 * punctuation, which the index does not hold either.
 */
(function () {
  "use strict"

  // Material's message types (a TypeScript const enum, so numbers in its bundle)
  var SETUP = 0
  var QUERY = 2

  var STOP = new Set([
    // English: words that only make a question or a phrase
    "a", "an", "the", "is", "are", "was", "be", "of", "to", "in", "on", "for", "and",
    "or", "with", "what", "why", "how", "when", "does", "do", "did", "it", "its",
    "this", "that", "about", "from", "by", "as", "at", "can", "i", "my", "which",
    "vs", "versus", "there", "so", "get", "use",
    // Korean question words and endings written as words of their own
    "어떻게", "왜", "무엇", "무엇인가요", "무엇인가", "뭐", "뭔가요", "뭐예요", "뭔지",
    "언제", "어디서", "어떤", "무슨", "있나요", "없나요", "하나요", "되나요", "인가요",
    "건가요", "대해", "대한", "관해", "알려줘", "알려주세요", "궁금해요", "이유"
  ])

  // Particles and endings, longest first; only taken off a word that is left non-empty
  var ENDINGS = [
    "에서는", "으로는", "이란", "이라", "에서", "에게", "으로", "까지", "부터", "처럼",
    "보다", "이나", "에는", "와는", "과는", "인가요", "나요", "인가", "이다", "입니다",
    "예요", "이에요", "하는", "하면", "하기", "하나", "되는", "적인", "적으로",
    "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "란",
    "한", "된", "적"
  ]

  var HANGUL = /[\uac00-\ud7a3]/

  var material = new URL(self.location.href).searchParams.get("material")
  var listeners = []
  var addListener = self.addEventListener.bind(self)
  self.addEventListener = function (type, fn, options) {
    if (type === "message") listeners.push(fn)
    else addListener(type, fn, options)
  }
  importScripts(material)
  self.addEventListener = addListener

  var words = []        // every word of the index, sorted
  var exact = new Set() // the same, for exact lookups
  var separator = /[\s\-]+/

  function learn(data) {
    separator = new RegExp(data.config.separator, "g")
    var seen = new Set()
    data.docs.forEach(function (doc) {
      var text = (doc.title + " " + doc.text).replace(/<[^>]*>/g, " ").toLowerCase()
      text.split(separator).forEach(function (w) { if (w) seen.add(w) })
    })
    words = Array.from(seen).sort()
    exact = seen
  }

  // Whether some word of the index starts with `prefix` (binary search)
  function known(prefix) {
    var lo = 0
    var hi = words.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (words[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    return lo < words.length && words[lo].lastIndexOf(prefix, 0) === 0
  }

  function withoutEnding(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i]
      if (word.length > e.length && word.slice(-e.length) === e) {
        var stem = word.slice(0, -e.length)
        if (known(stem)) return stem
      }
    }
    return null
  }

  // The longest words of the index that `word` is made of, or null
  function split(word) {
    var parts = []
    var i = 0
    var min = HANGUL.test(word) ? 1 : 3 // no one- or two-letter English pieces
    while (i < word.length) {
      var found = 0
      for (var j = word.length; j - i >= min; j--) {
        var piece = word.slice(i, j)
        // the last piece may be a prefix, as Material's query words are
        if (exact.has(piece) || (j === word.length && known(piece))) {
          found = j
          break
        }
      }
      if (!found) {
        var rest = word.slice(i)
        var stem = withoutEnding(rest)
        if (parts.length && (ENDINGS.indexOf(rest) >= 0)) return parts
        if (stem) { parts.push(stem); return parts }
        return null
      }
      var part = word.slice(i, found)
      if (ENDINGS.indexOf(part) < 0 || !parts.length) parts.push(part)
      i = found
    }
    return parts
  }

  function rewriteWord(word) {
    if (!word || STOP.has(word)) return []
    if (known(word)) {
      // a spelling variant of a compound the pages write apart ("zigzag", "zig-zag"):
      // the word itself, and its parts
      var parts = HANGUL.test(word) || word.length < 6 ? null : split(word)
      return parts && parts.length > 1 ? [word].concat(parts) : [word]
    }
    var stem = HANGUL.test(word) ? withoutEnding(word) : null
    if (stem) return [stem]
    var parts = split(word)
    return parts && parts.length ? parts : [word]
  }

  function rewrite(query) {
    // Material's own syntax (quotes, +must, -not, field:, ~fuzzy, ^boost) passes through
    if (/["+~^:]|(^|\s)-/.test(query)) return query
    var out = []
    query.toLowerCase().split(separator).forEach(function (w) {
      out.push.apply(out, rewriteWord(w))
    })
    return out.length ? out.join(" ") : query
  }

  addListener("message", function (ev) {
    var message = ev.data
    if (message && message.type === SETUP && message.data) {
      learn(message.data)
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: QUERY, data: rewrite(message.data) }
    }
    listeners.forEach(function (fn) { fn({ data: message }) })
  })
})()
