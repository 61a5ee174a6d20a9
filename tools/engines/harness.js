// The in-browser half of the engines harness: it opens a book in one
// reading engine (foliate-js or epub.js), paginated to the window and in a
// light or a dark theme as reader apps set them, goes to the pages of the
// study aids and measures what a reader sees there. engines.mjs drives it
// through window.harness.

// The dark theme: light text on a near-black page, links in a light blue,
// as reader apps' night modes set them.
const night = { fg: '#e3e3e3', bg: '#121212', link: '#8ab4f8' }

// The elements each study aid's page is reached by: the first summary
// table, the glossary's heading, the palace figure, the self-test's
// heading and the table of key points at a glance.
const targets = {
  summary: 'table.aid.summary[id]',
  glossary: 'section.aid.glossary > h1[id]',
  palace: 'figure.palace[id]',
  selftest: 'section.level-1.aid.self-test > h1[id]',
  glance: 'table.aid.glance[id]',
}

// The table, if any, whose rows a target's page shows.
const tables = {
  summary: 'table.aid.summary',
  glossary: 'table.aid.glossary',
  glance: 'table.aid.glance',
}

let engine

const settle = async doc => {
  await doc.fonts?.ready
  for (let i = 0; i < 3; i++) await new Promise(r => requestAnimationFrame(r))
  await new Promise(r => setTimeout(r, 150))
  for (let i = 0; i < 2; i++) await new Promise(r => requestAnimationFrame(r))
}

// foliate-js: the <foliate-view> element with its paginator; the night
// theme goes in through the renderer's styles, with --theme-bg-color for
// the background it paints behind the columns, as the Foliate app does.
async function openFoliate(url, dark) {
  await import('./node_modules/foliate-js/view.js')
  const view = document.createElement('foliate-view')
  document.getElementById('reader').append(view)
  await view.open(url)
  view.renderer.setAttribute('flow', 'paginated')
  view.renderer.setStyles(dark
    ? `html { color-scheme: dark; --theme-bg-color: ${night.bg}; color: ${night.fg}; }
       a:any-link { color: ${night.link}; }`
    : 'html { color-scheme: light; }')
  const doc = () => view.renderer.getContents()[0]?.doc
  return {
    async sections() {
      return Promise.all(view.book.sections.map(async s => ({ href: s.id, doc: await s.createDocument() })))
    },
    async show(href) {
      await view.goTo(href)
      await settle(doc())
    },
    doc,
    // The element that clips the paginated iframe to one page.
    page: () => doc().defaultView.frameElement.parentElement.parentElement,
  }
}

// epub.js: a paginated rendition, one page at a time (no spread); the
// night theme is a theme of rules for body and links, as epub.js reader
// apps register it.
async function openEpubjs(url, dark) {
  const book = window.ePub(url)
  const rendition = book.renderTo('reader', { width: '100%', height: '100%', flow: 'paginated', spread: 'none' })
  if (dark) {
    rendition.themes.register('night', {
      body: { color: `${night.fg} !important`, background: `${night.bg} !important` },
      'a:link, a:visited': { color: `${night.link} !important` },
    })
    rendition.themes.select('night')
  }
  await book.ready
  const doc = () => rendition.getContents()[0]?.document
  return {
    async sections() {
      const out = []
      for (const item of book.spine.spineItems) {
        const d = await item.load(book.load.bind(book))
        out.push({ href: item.href, doc: d.ownerDocument ?? d })
      }
      return out
    },
    async show(href) {
      await rendition.display(href)
      await settle(doc())
    },
    doc,
    page: () => rendition.manager.container,
  }
}

const rect = r => ({ x: r.left, y: r.top, w: r.width, h: r.height })

// luminance is the relative luminance of a CSS rgb() colour, 0 to 1.
function luminance(css) {
  const m = css.match(/rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/)
  if (!m) return -1
  const lin = c => (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  return 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3])
}

window.harness = {
  async open(name, url, dark) {
    document.documentElement.classList.toggle('dark', dark)
    engine = name === 'foliate' ? await openFoliate(url, dark) : await openEpubjs(url, dark)
  },

  // find returns the href (with its fragment) of each study aid's page.
  async find() {
    const found = {}
    for (const { href, doc } of await engine.sections()) {
      for (const [kind, sel] of Object.entries(targets)) {
        const el = found[kind] ? null : doc.querySelector(sel)
        if (el) found[kind] = `${href}#${el.id}`
      }
    }
    return found
  },

  async show(href) {
    await engine.show(href)
  },

  // measure says where things are on the page shown, in the window's
  // coordinates: the page box, the target, the first table row on the
  // page, the palace figure and its parts, and whatever sticks out of the
  // page sideways.
  measure(kind, href) {
    const doc = engine.doc()
    const win = doc.defaultView
    const frame = win.frameElement.getBoundingClientRect()
    const page = rect(engine.page().getBoundingClientRect())
    const outer = r => ({ x: frame.left + r.left, y: frame.top + r.top, w: r.width, h: r.height })
    const onPage = r => r.w > 0 && r.h > 0 && r.x >= page.x - 1 && r.x < page.x + page.w - 1
    const rects = el => [...el.getClientRects()].map(outer).filter(onPage)
    // foliate-js sets its columns on the root element, epub.js on the body.
    const column = parseFloat(win.getComputedStyle(doc.documentElement).columnWidth)
      || parseFloat(win.getComputedStyle(doc.body).columnWidth) || 0
    const out = { page, column }

    const target = doc.getElementById(href.split('#')[1])
    out.targetOnPage = !!target && rects(target).length > 0

    // Sideways overflow: the furthest any box that starts on the page
    // reaches past its right edge, or before its left edge.
    let right = 0, left = 0
    for (const el of doc.body.querySelectorAll('*')) {
      for (const r of rects(el)) {
        right = Math.max(right, r.x + r.w - (page.x + page.w))
        left = Math.max(left, page.x - r.x)
      }
    }
    out.overflow = { right, left }

    const table = tables[kind] && doc.querySelector(tables[kind])
    if (table) {
      const rows = [...table.querySelectorAll('tbody > tr')].filter(tr => {
        const rs = rects(tr)
        return rs.length === 1 && rs[0].y >= page.y - 1 && rs[0].y + rs[0].h <= page.y + page.h + 1
      })
      out.rowsOnPage = rows.length
      out.row = rows.length === 0 ? null : [...rows[0].children]
        .filter(td => win.getComputedStyle(td).display !== 'none')
        .map(td => ({ ...rect(td.getBoundingClientRect()), text: td.textContent.trim().slice(0, 40) }))
        .map(c => ({ ...c, ...outer({ left: c.x, top: c.y, width: c.w, height: c.h }) }))
    }

    const figure = kind === 'palace' && doc.querySelector('figure.palace')
    if (figure) {
      const svg = figure.querySelector('svg')
      const caption = figure.querySelector('figcaption')
      // Every fragment, on this page or not: one each when nothing of
      // the figure is carried over to another page.
      const all = el => [...el.getClientRects()].map(outer).filter(r => r.w > 0 && r.h > 0)
      out.figure = all(figure)
      out.svg = all(svg)
      out.caption = caption ? all(caption) : []
      const texts = [...svg.querySelectorAll('text')]
      out.textLuminance = texts.map(t => luminance(win.getComputedStyle(t).fill))
    }
    out.textColour = luminance(win.getComputedStyle(doc.body).color)
    return out
  },

  // pixels reads a screenshot (PNG, base64), or the part of it inside
  // clip, and says how much of it is near white (every channel above
  // 225), how much differs clearly from its top left pixel (the page:
  // ink), and its mean relative luminance.
  async pixels(b64, clip) {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob()
    const bitmap = await createImageBitmap(blob)
    const { x, y, w, h } = clip
      ? { x: Math.round(clip.x), y: Math.round(clip.y), w: Math.round(clip.w), h: Math.round(clip.h) }
      : { x: 0, y: 0, w: bitmap.width, h: bitmap.height }
    const canvas = new OffscreenCanvas(w, h)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(bitmap, -x, -y)
    const { data } = ctx.getImageData(0, 0, w, h)
    const lin = c => (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    let white = 0, ink = 0, sum = 0
    const n = data.length / 4
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > 225 && data[i + 1] > 225 && data[i + 2] > 225) white++
      if (Math.max(Math.abs(data[i] - data[0]), Math.abs(data[i + 1] - data[1]), Math.abs(data[i + 2] - data[2])) > 48) ink++
      sum += 0.2126 * lin(data[i]) + 0.7152 * lin(data[i + 1]) + 0.0722 * lin(data[i + 2])
    }
    return { nearWhite: white / n, ink: ink / n, meanLuminance: sum / n }
  },
}
