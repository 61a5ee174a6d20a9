// ace-batch checks several EPUBs with Ace by DAISY in one run of Node and
// of Chromium, which Ace alone starts anew for every book.
//
//   node ace-batch.js ACE-CLI-DIR OUT-DIR MARKER BOOK...
//
// ACE-CLI-DIR is the folder of the installed @daisy/ace-cli package, whose
// ace-core and Puppeteer runner it uses. The report of the i-th book
// (from 1) goes to OUT-DIR/i/report.json; after each book it prints
// "MARKER done i" or "MARKER failed i MESSAGE".
'use strict';

const path = require('path');

const [aceDir, outDir, marker, ...books] = process.argv.slice(2);
const need = (name) => require(require.resolve(name, { paths: [aceDir] }));

const ace = need('@daisy/ace-core');
const runner = need('@daisy/ace-axe-runner-puppeteer');
need('@daisy/ace-logger').initLogger({ silent: true, fileName: path.join(outDir, 'ace.log') });

// Ace launches and closes the browser around each book; this runner keeps
// one browser for all of them.
let launched = false;
const shared = Object.assign({}, runner, {
  launch: async () => {
    if (!launched) {
      launched = true;
      await runner.launch();
    }
  },
  close: async () => {},
});

(async () => {
  let failed = false;
  for (let i = 0; i < books.length; i++) {
    const n = i + 1;
    try {
      await ace(books[i], { cwd: process.cwd(), outdir: path.join(outDir, String(n)), silent: true, jobId: '' }, shared);
      process.stdout.write(`${marker} done ${n}\n`);
    } catch (err) {
      failed = true;
      process.stdout.write(`${marker} failed ${n} ${String(err && err.message ? err.message : err).replace(/\n/g, ' ')}\n`);
    }
  }
  if (launched) {
    await runner.close();
  }
  process.exit(failed ? 1 : 0);
})();
