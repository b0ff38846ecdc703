// Synthetic pupil responses at an authority's scale: two waves of 100,000 responses each,
// from a fixed seed, valid for the pupil survey, in the demo files' CSV layout. Used by
// bench/workspace_scale.mjs (imports them in Chromium) and bench_officer_import (natively
// and under Node). Run as a script, it writes both files into the folder it is given:
//   node bench/synthetic_pupils.mjs FOLDER
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROWS = 100000;
export const WAVES = ['2024', '2025'];

// mulberry32: a small seeded PRNG, so every run imports the same files.
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- The synthetic responses -------------------------------------------------------------

function surveyQuestions(survey) {
  const questions = [];
  for (const section of survey.sections) {
    for (const question of section.questions) {
      const options = typeof question.options === 'string' ? survey.option_sets[question.options].options
        : (question.options || []);
      questions.push({ ...question, options });
    }
  }
  return questions;
}

// Schools of very different sizes (weights), each with its phase and year groups.
const SCHOOLS = [
  { id: 'westmoor_secondary', weight: 30, type: 'secondary', years: [7, 11] },
  { id: 'kingsdown_academy', weight: 24, type: 'secondary', years: [7, 11] },
  { id: 'severnvale_college', weight: 14, type: 'post_16', years: [12, 13] },
  { id: 'brookfield_primary', weight: 12, type: 'primary', years: [4, 6] },
  { id: 'st_aldhelms_primary', weight: 8, type: 'primary', years: [4, 6] },
  { id: 'meadowbank_juniors', weight: 6, type: 'primary', years: [4, 6] },
  { id: 'larkhill_special', weight: 1.5, type: 'special', years: [4, 11] },
  { id: 'other', weight: 3, type: 'other', years: [4, 13] },
  { id: 'prefer_not_to_say', weight: 1.5, type: 'prefer_not_to_say', years: [4, 13] },
];
const SUGGESTIONS = ['More clubs after school', 'Cheaper food at school', 'Safer crossings, near the park',
  'A youth centre that stays open later', 'Less homework', 'Better buses "after 6"', 'More places to sit outside'];
const WORRIED = new Set(['worried', 'sad', 'angry', 'lonely']);

function pick(random, items) { return items[Math.floor(random() * items.length)]; }

function pickWeighted(random, items) {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let left = random() * total;
  for (const item of items) {
    left -= item.weight;
    if (left < 0) return item;
  }
  return items[items.length - 1];
}

function hexId(random) {
  let id = '';
  for (let index = 0; index < 4; index++) id += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return id;
}

function csvCell(text) { return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text; }

// One answer to `question` for a pupil of `school` whose outlook is `mood` (0..1), as a cell.
function answerCell(random, question, school, year, mood, answers) {
  if (question.condition) {
    const feelings = answers.feelings || '';
    if (!feelings.split(';').some((id) => WORRIED.has(id))) return '';
  }
  if (question.id === 'year_group') return random() < 0.01 ? 'prefer_not_to_say' : `year_${year}`;
  if (question.id === 'age') return random() < 0.02 ? 'prefer_not_to_say' : String(Math.min(19, year + 5 + (random() < 0.5 ? 0 : 1)));
  if (question.id === 'school_type') return school.type;
  if (question.id === 'school') return school.id;
  if (random() < 0.02) return '(skipped)';
  const substantive = question.options.filter((option) => !option.non_substantive);
  const others = question.options.filter((option) => option.non_substantive);
  if (others.length > 0 && random() < 0.04) return pick(random, others).id;
  switch (question.kind) {
    case 'scale_1_5': {
      const level = Math.max(0, Math.min(4, Math.floor(mood * 5 + (random() - 0.5) * 2.5)));
      return substantive[level].id;
    }
    case 'rating_0_10': return String(Math.max(0, Math.min(10, Math.round(mood * 10 + (random() - 0.5) * 4))));
    case 'multiple_choice': {
      const chosen = new Set();
      const count = 1 + Math.floor(random() * 3);
      while (chosen.size < count) chosen.add(pick(random, substantive).id);
      return substantive.filter((option) => chosen.has(option.id)).map((option) => option.id).join(';');
    }
    case 'short_text': return random() < 0.03 ? csvCell(pick(random, SUGGESTIONS)) : '';
    case 'number': return String(question.min + Math.floor(random() * (question.max - question.min + 1)));
    default: return pick(random, substantive).id;
  }
}

// One wave's CSV, in the demo files' layout (every column), with random 32-hex ids.
export function waveCsv(survey, wave, random) {
  const questions = surveyQuestions(survey);
  const header = ['response_id', 'survey_id', 'survey_version', 'wave', 'status', 'answer_mode', 'station_id',
    'submitted_at', ...questions.map((question) => question.id)];
  const lines = [header.join(',')];
  const start = Date.UTC(Number(wave), 1, 5, 9);
  for (let row = 0; row < ROWS; row++) {
    const school = pickWeighted(random, SCHOOLS);
    const year = school.years[0] + Math.floor(random() * (school.years[1] - school.years[0] + 1));
    const roll = random();
    const status = roll < 0.02 ? 'refused' : roll < 0.07 ? 'partial' : 'complete';
    const mode = random() < 0.04 ? 'helped_by_adult' : 'self';
    const station = `${school.id.replace(/_/g, '-')}-tablet`;
    const submitted = status === 'refused' ? ''
      : new Date(start + Math.floor(random() * 40 * 86400) * 1000).toISOString().replace('.000Z', 'Z');
    const cells = [hexId(random), survey.id, String(survey.version), wave, status, mode, station, submitted];
    const answers = {};
    // A partial response stops somewhere; a refused one has no answers.
    const answered = status === 'refused' ? 0 : status === 'partial' ? 1 + Math.floor(random() * (questions.length - 2))
      : questions.length;
    const mood = Math.min(1, Math.max(0, 0.55 + (Number(wave) - 2024) * 0.03 + (random() - 0.5) * 0.6));
    questions.forEach((question, index) => {
      const cell = index < answered ? answerCell(random, question, school, year, mood, answers) : '';
      answers[question.id] = cell;
      cells.push(cell);
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// The two waves' files in `folder`, written from the same seed every time.
export function writeSyntheticWaves(folder) {
  const survey = JSON.parse(readFileSync(resolve(fileURLToPath(import.meta.url), '../../assets/surveys/pupil.json'), 'utf8'));
  const random = seededRandom(20260315);
  mkdirSync(folder, { recursive: true });
  return WAVES.map((wave) => {
    const path = join(folder, `pupil_responses_${wave}_100k.csv`);
    writeFileSync(path, waveCsv(survey, wave, random));
    return path;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error('usage: node bench/synthetic_pupils.mjs FOLDER');
    process.exit(2);
  }
  writeSyntheticWaves(process.argv[2]);
}
