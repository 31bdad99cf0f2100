import { PGlite } from '@electric-sql/pglite';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
let t = performance.now();
const lap = (l) => { const n = performance.now(); console.log(l, Math.round(n - t)); t = n; };
if (!existsSync('/tmp/tmpl.tar')) { const p = await PGlite.create(); await p.exec('create table a(x int)'); const d = await p.dumpDataDir('none'); writeFileSync('/tmp/tmpl.tar', Buffer.from(await d.arrayBuffer())); lap('made'); process.exit(0); }
const blob = new Blob([readFileSync('/tmp/tmpl.tar')]);
lap('read');
const mod = process.env.PRE ? await WebAssembly.compile(readFileSync('node_modules/@electric-sql/pglite/dist/pglite.wasm')) : undefined;
lap('compile');
const q = await PGlite.create({ loadDataDir: blob, ...(mod ? { pgliteWasmModule: mod } : {}) });
lap('load');
await q.query('select 1'); lap('q');
const q2 = await PGlite.create({ loadDataDir: blob, ...(mod ? { pgliteWasmModule: mod } : {}) });
lap('load2');
