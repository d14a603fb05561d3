import { baseLanguage, canonicalLanguageTag, languageTagFromHsds } from './language-tags';

describe('language tags', () => {
  it.each([
    ['en', 'en'],
    ['spa', 'es'],
    ['hat', 'ht'],
    ['zho', 'zh'],
    ['es-mx', 'es-MX'],
    ['zh_hant', 'zh-Hant'],
    ['yue', 'yue'],
  ])('canonicalises %s to %s', (input, expected) => {
    expect(canonicalLanguageTag(input)).toBe(expected);
  });

  it.each(['', 'english', 'e', '12', 'not a code'])('refuses %j', (input) => {
    expect(canonicalLanguageTag(input)).toBeUndefined();
  });

  it('reads an HSDS language by code first, else by a known name', () => {
    expect(languageTagFromHsds({ code: 'por', name: 'Spanish' })).toBe('pt');
    expect(languageTagFromHsds({ name: 'Haitian Creole' })).toBe('ht');
    expect(languageTagFromHsds({ name: 'Español' })).toBe('es');
    expect(languageTagFromHsds({ name: 'Elvish' })).toBeUndefined();
    expect(languageTagFromHsds({})).toBeUndefined();
  });

  it('takes the primary subtag', () => {
    expect(baseLanguage('es-MX')).toBe('es');
    expect(baseLanguage('zh-Hant-TW')).toBe('zh');
  });
});
