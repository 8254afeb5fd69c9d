import { describe, expect, it } from 'vitest';
import { nextCursor, rateText } from '../../../src-main/services/portal/catalog-sync';

describe('incremental catalog cursor', () => {
  it('is the newest stored change, but never later than the run start less 5 minutes', () => {
    expect(nextCursor(null, '2026-11-30T10:00:00.000Z')).toBeNull();
    expect(nextCursor('2026-10-01T12:00:00.000Z', '2026-11-30T10:00:00.000Z')).toBe('2026-10-01T12:00:00.000Z');
    expect(nextCursor('2026-11-30T09:59:00.000Z', '2026-11-30T10:00:00.000Z')).toBe('2026-11-30T09:55:00.000Z');
  });
});

describe('sync rate and ETA', () => {
  it('reports items per second and the time left', () => {
    expect(rateText(5000, 15000, 0, 2000)).toBe('2,500/s, about 6 s left');
    expect(rateText(1000, 600_000, 0, 1000)).toBe('1,000/s, about 10 min left');
    expect(rateText(0, 100, 0, 1000)).toBe('0/s');
  });
});
