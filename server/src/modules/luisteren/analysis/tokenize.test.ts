import { describe, expect, it } from 'vitest';
import { foldText, scanTenorTokens, tokenize } from './tokenize.rules';

describe('tokenize', () => {
  it('lowercases and folds Dutch accents and the ij ligature', () => {
    expect(tokenize('Één geïrriteerde Café-bezoeker in Ĳsselstein')).toEqual(['een', 'geirriteerde', 'cafe', 'bezoeker', 'in', 'ijsselstein']);
  });

  it('keeps words with an apostrophe whole', () => {
    expect(tokenize("Zo'n auto's op m'n stoep")).toEqual(['zon', 'autos', 'op', 'mn', 'stoep']);
  });

  it('drops punctuation, emoji and links are words only where they are letters', () => {
    expect(tokenize('Top!! 👍 #Alphen 2026')).toEqual(['top', 'alphen', '2026']);
  });

  it('leaves plain ASCII untouched apart from case', () => {
    expect(foldText('De N11')).toBe('de n11');
  });
});

describe('scanTenorTokens', () => {
  it('keeps emoticons, emoji and punctuation and skips links and mentions', () => {
    const tokens = scanTenorTokens('@gemeente Super :) https://t.co/ab ❤️ echt!!');
    expect(tokens.map((token) => `${token.kind}:${token.text}`)).toEqual(['word:super', 'emoticon::)', 'emoji:❤', 'word:echt', 'punctuation:!!']);
  });
});
