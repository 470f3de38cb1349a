#!/usr/bin/env node
/**
 * `npm run screenshots`: copies the screenshots the browser tests took (.tmp/screenshots/, outside the
 * tracked tree) to docs/images/, where README shows them. Run after `npm run test:browser`; commit the
 * images that changed after looking at them.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';

const from = '.tmp/screenshots';
if (!existsSync(from)) {
  console.error('No screenshots yet: run `npm run test:browser` first.');
  process.exit(1);
}
mkdirSync('docs/images', { recursive: true });
for (const f of readdirSync(from).filter((f) => f.endsWith('.png'))) {
  copyFileSync(`${from}/${f}`, `docs/images/${f}`);
  console.log(`docs/images/${f}`);
}
