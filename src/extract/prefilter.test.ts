import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/index.js';
import { loadLexicons } from './lexicon.js';
import { buildPrefilter } from './prefilter.js';

const mayName = buildPrefilter(loadRegistry(), loadLexicons());

describe('prefilter', () => {
  it.each([
    'Putin landed in Ulaanbaatar.',
    'Les juges ont visé Poutine.',
    'Встреча с Путиным отменена.',
    'Указ подписала Львовой-Беловой.',
    'قال وبوتين إنه سيزور',
    'The Russian president arrived on Monday.',
    'Президента России встретили в аэропорту.',
    'Netanyahu flew to Budapest.',
  ])('looks closer at: %s', (text) => expect(mayName(text)).toBe(true));

  it.each([
    'The weather was fine and the market rose.',
    'He said the team played better than before.', // "Said" and "Bett" are names, but not here
    'The president of the football club resigned.',
  ])('lets ordinary news pass: %s', (text) => expect(mayName(text)).toBe(false));
});
