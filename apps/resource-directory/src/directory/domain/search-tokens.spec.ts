import { foldText, MAX_SEARCH_TOKENS, toSearchTokens } from './search-tokens';

describe('toSearchTokens', () => {
  it('folds case and accents so a plain query finds accented text', () => {
    expect(foldText('Café Comunitário ÉLAN')).toBe('cafe comunitario elan');
    expect(toSearchTokens('Café Comunitário')).toEqual(['cafe', 'comunitario']);
    expect(toSearchTokens('cafe')).toEqual(toSearchTokens('CAFÉ'));
  });

  it('splits on punctuation, drops stop words, one-letter words and repeats, keeps digits', () => {
    expect(toSearchTokens('Food & Housing: the 24/7 line, for YOU and a friend', undefined, 'food')).toEqual([
      'food',
      'housing',
      '24',
      'line',
      'friend',
    ]);
  });

  it('keeps letters of other scripts', () => {
    expect(toSearchTokens('Dịch vụ thực phẩm 食物银行')).toEqual(['dich', 'vu', 'thuc', 'pham', '食物银行']);
  });

  it('stops at the token cap', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    expect(toSearchTokens(text)).toHaveLength(MAX_SEARCH_TOKENS);
  });
});
