// Shortens the local names in Emscripten's JavaScript glue (app.js, officer.js) after each
// link, with terser's name mangling and nothing else: no compression, no top-level or property
// renaming, so every name the page's own code and the tests read (Module.FS,
// Module.yousaidStorage, window.yousaidTest...) stays as it is. Emscripten only shortens local
// names with the Closure Compiler, which also renames properties. On a station tablet's
// download this is about 8 KB of 59 KB gzipped (docs/sealing.md, "Download size").
// Usage: node scripts/shorten_glue_names.mjs <file.js> (rewritten in place).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/shorten_glue_names.mjs <file.js>');
  process.exit(2);
}
const code = readFileSync(file, 'utf8');
const result = await minify(code, { compress: false, mangle: { toplevel: false }, format: { comments: false } });
if (!result.code) {
  console.error(`${file}: terser returned nothing`);
  process.exit(1);
}
// Written beside it and renamed, so an interrupted run never leaves half a file.
writeFileSync(`${file}.tmp`, result.code);
renameSync(`${file}.tmp`, file);
