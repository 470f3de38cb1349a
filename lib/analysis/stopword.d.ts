/** The stopword package ships no types; only its English list is used (lib/analysis/words.ts). */
declare module 'stopword' {
  export const eng: string[];
}
