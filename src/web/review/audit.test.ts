import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../store/index.js';
import { auditSummary } from './audit.js';

const stored = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  status: 'planned',
  start: '2026-12-20',
  end: null,
  city: null,
  evidence: [{ articleId: 'a1' }, { articleId: 'a2' }, { articleId: 'a2' }],
  review: null,
  history: [],
  ...more,
});

const entry = (before: unknown, after: unknown): AuditEntry => ({
  id: 'e1',
  at: '2026-12-04T12:00:00.000Z',
  actor: 'user:1',
  action: 'review:split',
  target: 't1',
  before,
  after,
  why: 'Two visits',
});

describe('an audit entry in words', () => {
  it('names the fields that moved, and the trips a decision made', () => {
    const s = auditSummary(
      entry(
        [stored('t1')],
        [
          stored('t1', { evidence: [{ articleId: 'a1' }], review: { state: 'edited' } }),
          stored('t1~ab', { evidence: [{ articleId: 'a2' }], start: '2027-01-02', city: 'Erdenet' }),
        ],
      ),
    );
    expect(s).toMatchObject({ action: 'Split', actor: 'user:1', why: 'Two visits' });
    expect(s.trips![0]).toEqual({
      tripId: 't1',
      kind: 'changed',
      changes: [
        { field: 'articles', from: '2', to: '1' },
        { field: 'review', from: 'none', to: 'edited' },
      ],
    });
    expect(s.trips![1]!.kind).toBe('new');
    expect(s.trips![1]!.changes.map((c) => `${c.field} ${c.to}`)).toContain('first day 2 January 2027');
    expect(s.trips![1]!.changes.map((c) => `${c.field} ${c.to}`)).toContain('city Erdenet');
  });

  it('still says who, when and why when the stored trips cannot be read', () => {
    const s = auditSummary(entry({ not: 'a list' }, null));
    expect(s).toEqual({
      action: 'Split',
      actor: 'user:1',
      at: '2026-12-04T12:00:00.000Z',
      why: 'Two visits',
    });
  });
});
