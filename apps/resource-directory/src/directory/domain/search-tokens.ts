/**
 * The local MongoDB-protocol server has no `$text` index, so search runs on an array of tokens with `$in`
 * (whole words) or an anchored regex (prefixes). Queries must go through `toSearchTokens` too, so both sides
 * fold case and accents the same way ("Café" finds "cafe").
 */

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'de', 'del', 'for', 'from', 'in', 'is', 'it', 'la', 'las',
  'los', 'of', 'on', 'or', 'our', 'the', 'to', 'we', 'with', 'y', 'you', 'your',
]);

/** Enough for names and descriptions; a description longer than this adds nothing a search would miss. */
export const MAX_SEARCH_TOKENS = 256;
export const MIN_TOKEN_LENGTH = 2;

/** Lower-case, accent-free form of a text, the way tokens are stored. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Distinct folded words of the texts, in first-seen order, without stop words. */
export function toSearchTokens(...texts: ReadonlyArray<string | undefined>): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < MIN_TOKEN_LENGTH || STOP_WORDS.has(word)) continue;
      tokens.add(word);
      if (tokens.size >= MAX_SEARCH_TOKENS) return [...tokens];
    }
  }
  return [...tokens];
}
