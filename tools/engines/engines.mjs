#!/usr/bin/env node
// engines.mjs opens studyguide EPUBs in two real reading engines,
// foliate-js and epub.js, inside headless Chromium (the system's browser,
// through puppeteer-core), paginated to a window size and in a light or a
// dark theme. On the page of each study aid (the first summary table, the
// glossary, the palace and the self-test; the key points at a glance,
// "glance", when asked for) it measures what a reader would
// see and prints it as one JSON object a line; with --shots it also saves
// a screenshot of each page as DIR/BOOK-ENGINE-TARGET-SIZE-THEME.png.
//
//   node engines.mjs [--shots DIR] [--engines foliate,epubjs]
//       [--sizes 400x700,600x800,1072x1448] [--themes light,dark]
//       [--targets summary,glossary,palace,selftest]
//       [--view SIZE:THEME:TARGET+TARGET]... BOOK.epub...
//
// The views are every size in every theme with every target, unless
// --view names them one by one (400x700:dark:summary+palace). The pages
// and the books are served from 127.0.0.1 by a small server of its own;
// nothing else is fetched. CHROMIUM names the browser (/usr/bin/chromium
// unless set).
import { createServer } from 'node:http'
import { readFile, writeFile, mkdtemp, rm, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, extname, resolve, basename, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer from 'puppeteer-core'

const here = fileURLToPath(new URL('.', import.meta.url))

function parseArgs(argv) {
  const opts = {
    shots: '',
    engines: ['foliate', 'epubjs'],
    sizes: ['400x700', '600x800', '1072x1448'],
    themes: ['light', 'dark'],
    targets: ['summary', 'glossary', 'palace', 'selftest'],
    views: [],
    books: [],
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const list = () => argv[++i].split(',').filter(Boolean)
    if (a === '--shots') opts.shots = argv[++i]
    else if (a === '--engines') opts.engines = list()
    else if (a === '--sizes') opts.sizes = list()
    else if (a === '--themes') opts.themes = list()
    else if (a === '--targets') opts.targets = list()
    else if (a === '--view') {
      const [size, theme, targets] = argv[++i].split(':')
      opts.views.push({ size, theme, targets: targets.split('+') })
    }
    else if (a.startsWith('--')) throw new Error(`unknown flag ${a}`)
    else opts.books.push(resolve(a))
  }
  if (opts.books.length === 0) throw new Error('no book given')
  if (opts.views.length === 0) {
    for (const size of opts.sizes) {
      for (const theme of opts.themes) opts.views.push({ size, theme, targets: opts.targets })
    }
  }
  for (const v of opts.views) {
    if (!/^\d+x\d+$/.test(v.size) || !['light', 'dark'].includes(v.theme)) throw new Error(`bad view ${v.size}:${v.theme}`)
  }
  return opts
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.epub': 'application/epub+zip',
}

// serve answers /engine/PATH from this folder and /book/N.epub with the
// N-th book, and nothing else.
function serve(books) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
    let file = ''
    const book = path.match(/^\/book\/(\d+)\.epub$/)
    if (book && books[+book[1]]) file = books[+book[1]]
    else if (path.startsWith('/engine/')) {
      file = resolve(here, '.' + path.slice('/engine'.length))
      if (!file.startsWith(here.endsWith(sep) ? here : here + sep)) file = ''
    }
    try {
      if (!file) throw new Error('not served')
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404)
      res.end()
    }
  })
  return new Promise(ok => server.listen(0, '127.0.0.1', () => ok(server)))
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const server = await serve(opts.books)
  const origin = `http://127.0.0.1:${server.address().port}`
  const profile = await mkdtemp(join(tmpdir(), 'studyguide-engines-'))
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--hide-scrollbars', '--font-render-hinting=none'],
  })
  try {
    if (opts.shots) await mkdir(opts.shots, { recursive: true })
    const page = await browser.newPage()
    const problems = []
    page.on('pageerror', e => problems.push(String(e)))
    for (const [n, book] of opts.books.entries()) {
      const name = basename(book, '.epub')
      for (const engine of opts.engines) {
        for (const { size, theme, targets } of opts.views) {
          const [width, height] = size.split('x').map(Number)
          await page.setViewport({ width, height })
          await page.goto(`${origin}/engine/page.html`, { waitUntil: 'load' })
          await page.waitForFunction(() => window.harness)
          await page.evaluate((e, u, d) => window.harness.open(e, u, d), engine, `${origin}/book/${n}.epub`, theme === 'dark')
          const found = await page.evaluate(() => window.harness.find())
          for (const target of targets) {
            const line = { book: name, engine, width, height, theme, target, href: found[target] ?? '' }
            if (line.href) {
              await page.evaluate(h => window.harness.show(h), line.href)
              Object.assign(line, await page.evaluate((k, h) => window.harness.measure(k, h), target, line.href))
              const shot = await page.screenshot({ encoding: 'base64' })
              line.screen = await page.evaluate(b => window.harness.pixels(b), shot)
              if (target === 'palace' && line.svg?.length) {
                const s = line.svg[0], p = line.page
                const x = Math.max(s.x, p.x), y = Math.max(s.y, p.y)
                const w = Math.min(s.x + s.w, p.x + p.w) - x, h = Math.min(s.y + s.h, p.y + p.h) - y
                if (w > 1 && h > 1) {
                  line.pixels = await page.evaluate((b, c) => window.harness.pixels(b, c), shot, { x, y, w, h })
                }
              }
              if (opts.shots) {
                line.shot = join(opts.shots, `${name}-${engine}-${target}-${size}-${theme}.png`)
                await writeFile(line.shot, Buffer.from(shot, 'base64'))
              }
            }
            line.errors = problems.splice(0)
            process.stdout.write(JSON.stringify(line) + '\n')
          }
        }
      }
    }
  } finally {
    await browser.close()
    server.close()
    await rm(profile, { recursive: true, force: true })
  }
}

main().catch(e => {
  console.error(`engines: ${e.stack || e}`)
  process.exit(1)
})
