import { describe, expect, test } from 'vitest';
import { findNames, kindOf, nameKey } from '@/lib/analysis/names';

const labels = (titles: string[], exclude: string[] = []) => {
  const docs = titles.map((title, i) => ({ id: `d${i}`, title }));
  const { names, byDoc } = findNames(docs, exclude);
  return docs.map((d) => (byDoc.get(d.id) ?? []).map((k) => names.get(k)!.label));
};

describe('names', () => {
  test('models with versions and sizes, projects, organisations: whole', () => {
    expect(
      labels([
        'Qwen3-VL-8B beats GPT-5.2 on my tests',
        'DeepSeek-V3.1 runs in llama.cpp with ComfyUI',
        'OpenAI and MiniMax release on the same day',
        'New results on ARC-AGI-3 from a small lab',
      ]),
    ).toEqual([['Qwen3-VL-8B', 'GPT-5.2'], ['DeepSeek-V3.1', 'llama.cpp', 'ComfyUI'], ['OpenAI', 'MiniMax'], ['ARC-AGI-3']]);
  });

  test('multi-word names stay whole; Title Case headlines give only the words that are no English word', () => {
    expect(labels(['Moore Threads Unveils The Lushan Gaming & Huashan AI GPUs', 'GPT Image 1.5 vs Nano Banana Pro realism test', 'Google releases Nano banana 2 model', 'Benchmarks of Gemini 3 Pro are out, says Google'])).toEqual([
      ['Moore Threads', 'Lushan Gaming', 'Huashan'],
      ['GPT Image 1.5', 'Nano Banana Pro'],
      ['Google', 'Nano banana 2'],
      ['Gemini 3 Pro', 'Google'],
    ]);
  });

  test('a name of English words opening a title is the name other posts spell whole, not its last word', () => {
    // "Hugging" opens the first title and is an English word: alone, the finder kept only "Face".
    expect(labels(['Hugging Face releases a new model that beats OpenAI', 'Why does everyone ignore Hugging Face', 'Benchmark results leaked for Hugging Face', 'Building RAG with small models', 'RAG is still useful'])).toEqual([
      ['Hugging Face', 'OpenAI'],
      ['Hugging Face'],
      ['Hugging Face'],
      ['RAG'],
      ['RAG'],
    ]);
  });

  test('capitals for emphasis are not acronyms; a title cut short gives no half a name', () => {
    expect(
      labels([
        'Why Qwen is BACK and it is REAL this TIME',
        'RAG is HARD but WORTH it',
        'We tried TRACE for agent memory',
        'From a Differential Geometry Perspective: Hamiltonian Neural…',
        'Benchmarks for EMNLP26 Cost...',
      ]),
    ).toEqual([['Qwen'], [], ['TRACE'], [], ['EMNLP26']]);
    // One word in capitals alone still reads as an acronym: "RAG" elsewhere.
    expect(labels(['I found a RAG that actually works'])).toEqual([['RAG']]);
  });

  test('contractions never split, stop words and generic terms are never names', () => {
    expect(labels(["Don't buy GPUs for AI, it's actually the LLM that's slow", 'I found a RAG that actually works', 'Qwen3 lands on Hugging Face as a Q4_K_M quant'])).toEqual([[], ['RAG'], ['Qwen3', 'Hugging Face']]);
  });

  test('variants merge: "Qwen 3", "Qwen3" and "qwen-3" are one name, spelled as most write it', () => {
    const docs = ['Qwen 3 is out', 'Trying Qwen3 today', 'qwen-3 on a Pi', 'Qwen3 vs Mistral'].map((title, i) => ({ id: `d${i}`, title }));
    const { names, byDoc } = findNames(docs);
    expect(nameKey('Qwen 3')).toBe(nameKey('qwen-3'));
    expect(names.get('qwen3')).toEqual({ key: 'qwen3', label: 'Qwen3', kind: 'model', docs: ['d0', 'd1', 'd2', 'd3'] });
    expect(byDoc.get('d3')).toEqual(['qwen3', 'mistral']);
  });

  test('a word that only opens sentences needs a second post; then lowercase mentions count too', () => {
    expect(labels(['Dataset quality is not improving much'])).toEqual([[]]);
    expect(labels(['Google won again', 'Google releases a model', 'why google, why'])).toEqual([['Google'], ['Google'], ['Google']]);
  });

  test("a community's own name is never a topic", () => {
    expect(labels(['Best RAG stack for LocalLLaMA users?', 'My RAG pipeline'], ['LocalLLaMA', 'Rag'])).toEqual([[], []]);
  });

  // "Anthropic" opening its only title is left out: one post, and only the sentence's capital for it.
  test('"Sam Altman" is not "SAM ALTMAN"; "Elon" in a post about "Elon Musk" is that name', () => {
    expect(labels(['SAM ALTMAN: “People talk about energy”', 'Elon Musk, Sam Altman in 2050', 'Anthropic raises $30B, Elon crashes out'])).toEqual([['Sam Altman'], ['Elon Musk', 'Sam Altman'], ['Elon']]);
  });

  test('a title cut with an ellipsis: its last, half word is no name', () => {
    expect(labels(['BREAKING: OpenAI releases "GPT-Image-1.5" (ChatGPT Imag…', 'DeepSeek allows Huawei early access to V4 update, but Nvi...'])).toEqual([['OpenAI', 'GPT-Image-1.5', 'ChatGPT'], ['DeepSeek', 'Huawei', 'V4']]);
  });

  test('kinds', () => {
    expect(['Qwen3-VL-8B', 'llama.cpp', 'ComfyUI', 'ARC-AGI-3', 'SWE-bench', 'Anthropic'].map(kindOf)).toEqual(['model', 'project', 'project', 'benchmark', 'benchmark', 'name']);
  });
});
