import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('readConfig', () => {
  it('purges waiting comments after 30 days unless told otherwise, and refuses a count that is not one', () => {
    expect(readConfig({}).commentPurgeDays).toBe(30);
    expect(readConfig({ WW_COMMENT_PURGE_DAYS: '7' }).commentPurgeDays).toBe(7);
    for (const bad of ['0', '-3', '1.5', 'soon'])
      expect(() => readConfig({ WW_COMMENT_PURGE_DAYS: bad })).toThrow(/WW_COMMENT_PURGE_DAYS/);
  });
});
