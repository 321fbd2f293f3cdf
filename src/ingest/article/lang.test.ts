import { describe, expect, it } from 'vitest';
import { parseDocument } from './document.js';
import { findLang, languageCode } from './lang.js';
import { readMeta } from './meta.js';

const langOf = (html: string, text = '') => {
  const doc = parseDocument(html);
  return findLang(doc, readMeta(doc), text);
};

describe('languageCode', () => {
  it.each([
    ['en-GB', 'en'],
    ['pt_BR', 'pt'],
    ['DE', 'de'],
    ['deu', 'de'],
    ['', null],
    ['not a tag', null],
  ])('%j → %j', (tag, want) => expect(languageCode(tag)).toBe(want));
});

describe('findLang', () => {
  it('uses <html lang>, then og:locale', () => {
    expect(langOf('<html lang="fr-FR"><head></head><body></body></html>')).toBe('fr');
    expect(langOf('<html><head><meta property="og:locale" content="ru_RU"></head></html>')).toBe('ru');
  });

  it('detects the language of the text when nothing is declared', () => {
    const text =
      'Der Internationale Strafgerichtshof hat einen Haftbefehl erlassen. Alle Vertragsstaaten müssen die gesuchte Person festnehmen, wenn sie ihr Gebiet betritt.';
    expect(langOf('<html><head></head><body></body></html>', text)).toBe('de');
  });

  it('gives no answer on text too short to judge', () => {
    expect(langOf('<html><head></head><body></body></html>', 'Hello')).toBeNull();
  });
});
