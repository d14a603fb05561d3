/**
 * HSDS languages carry an ISO 639-1/639-3 `code` and/or a free-text `name`; the directory stores BCP 47 tags so
 * they compare with a client's `preferredLanguage` (also BCP 47) without a lookup.
 */

/** Names seen in feeds that have no code; lower-case keys. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  portuguese: 'pt',
  português: 'pt',
  vietnamese: 'vi',
  'tiếng việt': 'vi',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'yue',
  'haitian creole': 'ht',
  'haitian kreyol': 'ht',
  'kreyòl ayisyen': 'ht',
  arabic: 'ar',
  french: 'fr',
  russian: 'ru',
  somali: 'so',
  korean: 'ko',
  tagalog: 'tl',
  'cape verdean creole': 'kea',
  'american sign language': 'ase',
  asl: 'ase',
};

/** The canonical BCP 47 form of a tag or ISO 639 code (`spa` -> `es`, `zh-hant` -> `zh-Hant`), or undefined. */
export function canonicalLanguageTag(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(trimmed)) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed.replace(/_/g, '-'));
    return canonical;
  } catch {
    return undefined;
  }
}

/** A language tag from an HSDS language's code, else its name; undefined when neither is recognisable. */
export function languageTagFromHsds(language: { code?: string; name?: string }): string | undefined {
  if (language.code !== undefined) return canonicalLanguageTag(language.code);
  if (language.name !== undefined) return LANGUAGE_NAMES[language.name.trim().toLowerCase()];
  return undefined;
}

/** The primary language subtag: `es-MX` -> `es`. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}
