// Runs the browser test files two at a time (one per core), longest first, with Node's spec
// reporter. `node --test` would sort the files by name and could leave the longest for last,
// with one core idle at the end; node:test's run() keeps the order given.
// Usage: node tests/browser/run.mjs [file ...] (default: every tests/browser/*.test.mjs).
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Seconds each took beside the others on the 2-core machine: power_loss 135-230 (its run on a
// sealing station adds about 25), sealing_station about 45 (alone), sealing_officer about 50 (alone), workspace
// about 145, roles 140, safeguarding about 125, volunteer about 110, respondent 70, layout
// 70-100 (alone), station 45-100, station_pack 35-45 (alone), comments 30-45 (alone), screen_reader 30-60,
// the rest 20-30. A file not named here goes after these.
const LONGEST_FIRST = ['power_loss', 'workspace', 'roles', 'safeguarding', 'volunteer', 'respondent', 'layout',
  'station', 'sealing_officer', 'sealing_station', 'station_pack', 'workspace_keyboard', 'comments', 'screen_reader', 'workspace_settings', 'offline',
  'text_box', 'foundation',
  'accessibility'];

const all = readdirSync(here).filter((name) => name.endsWith('.test.mjs')).sort();
const rank = (name) => {
  const index = LONGEST_FIRST.indexOf(name.replace(/\.test\.mjs$/, ''));
  return index < 0 ? LONGEST_FIRST.length : index;
};
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : all.sort((a, b) => rank(a) - rank(b)).map((name) => relative(process.cwd(), join(here, name)));

const stream = run({ files, concurrency: 2 });
stream.on('test:fail', () => { process.exitCode = 1; });
stream.compose(spec).pipe(process.stdout);
