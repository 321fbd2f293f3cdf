import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/index.js';
import { loadLexicons } from '../lexicon/index.js';
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
    'Joseph Kony was seen in the Central African Republic.',
    'Charles Blé Goudé and Charles Ble Goude are spelt both ways.', // accents as the mention index ignores them
    'Charles Ble\u0301 Goude\u0301 written with combining accents.',
    'Le mandat visant NETANYAHOU.',
    '🇷🇺Путин прибыл.', // an emoji glued in front, as in Telegram posts
    'Визит Львовой-Беловой.',
    'Dominic Ongwen, known as White Ant, was convicted.',
    'ΒΛΑΝΤΙΜΙΡ ΠΟΥΤΙΝ ΣΤΗ ΜΟΓΓΟΛΙΑ', // capitals, folded one character at a time
  ])('looks closer at: %s', (text) => expect(mayName(text)).toBe(true));

  it.each([
    'The weather was fine and the market rose.',
    'He said the team played better than before.', // "Said" and "Bett" are names, but not here
    'The president of the football club resigned.',
    // A name is looked for whole: its first or longest word alone is ordinary news.
    'Joseph Smith and Dominic Raab met at the White House.',
    'The justice department said Sergei Bobrovsky stopped 30 shots.',
  ])('lets ordinary news pass: %s', (text) => expect(mayName(text)).toBe(false));
});
