/**
 * npm run report -- --input backup.json [--at ISO-time] [--out report.md] [--communities A,B | --all-communities] [--hide-memes] [--lang en|zh]
 *
 * Prints the Markdown report for report time --at (default: now) from a JSON backup, with the same
 * code the extension uses. A bad file or option gets a one-line error and exit status 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BackupError, parseBackup } from '../lib/export/backup-format';
import { reportFromBackup } from '../lib/export/pipeline';
import { DEFAULT_TRACKED, rankSettingsOf } from '../lib/settings/shape';
import { REPORT_LANGUAGES, type ReportLanguage } from '../lib/analysis/sections';

function fail(message: string): never {
  process.stderr.write(`report: ${message}\n`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      input: { type: 'string' },
      at: { type: 'string' },
      out: { type: 'string' },
      communities: { type: 'string' },
      'all-communities': { type: 'boolean' },
      'hide-memes': { type: 'boolean' },
      lang: { type: 'string', default: 'en' },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;
} catch (e) {
  fail(`${(e as Error).message} (usage: npm run report -- --input backup.json [--at ISO-time] [--out report.md])`);
}
if (args.help) {
  process.stdout.write('usage: npm run report -- --input backup.json [--at ISO-time] [--out report.md] [--communities A,B | --all-communities] [--hide-memes] [--lang en|zh]\n');
  process.exit(0);
}
if (!args.input) fail('--input backup.json is required');
const lang = args.lang as ReportLanguage;
if (!REPORT_LANGUAGES.includes(lang)) fail(`--lang "${args.lang}" is not a report language (${REPORT_LANGUAGES.join(' or ')})`);
let at = Date.now();
if (args.at !== undefined) {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(args.at) || Number.isNaN(Date.parse(args.at)))
    fail(`--at "${args.at}" is not an ISO 8601 time (example: 2025-12-22T09:30:00Z)`);
  // A date or a time without a zone is read as UTC, as the report is.
  at = Date.parse(/T.*(Z|[+-]\d{2}:\d{2})$/.test(args.at) ? args.at : args.at.length === 10 ? `${args.at}T23:59:59.999Z` : `${args.at}Z`);
}
let text: string;
try {
  text = readFileSync(args.input, 'utf8');
} catch (e) {
  fail(`cannot read ${args.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
let markdown: string;
try {
  // The extension's own settings object, so every setting that shapes a report is read here as there.
  const settings = rankSettingsOf({
    tracked: args.communities ? args.communities.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_TRACKED,
    trackAll: !!args['all-communities'],
    hideMemes: !!args['hide-memes'],
  });
  markdown = reportFromBackup(parseBackup(text), at, settings, lang);
} catch (e) {
  fail(e instanceof BackupError ? `${args.input}: ${e.message}` : (e as Error).message);
}
if (args.out) {
  try {
    writeFileSync(args.out, markdown);
  } catch (e) {
    fail(`cannot write ${args.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
} else {
  process.stdout.write(markdown);
}
