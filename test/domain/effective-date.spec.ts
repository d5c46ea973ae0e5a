import fc from 'fast-check';
import {
  addDays,
  BEGINNING_OF_TIME,
  certainlyNotAfter,
  earliestDay,
  END_OF_TIME,
  formatEffectiveDate,
  isCalendarDay,
  lastDayBefore,
  latestDay,
  parseEffectiveDate,
  UNKNOWN_DATE,
  type EffectiveDate,
} from '../../src/domain/effective-date';

const day = (date: string): EffectiveDate => ({ date, precision: 'day' });
const month = (date: string): EffectiveDate => ({ date, precision: 'month' });
const year = (date: string): EffectiveDate => ({ date, precision: 'year' });

describe('parseEffectiveDate', () => {
  it.each([
    ['2025-02-28', day('2025-02-28')],
    ['2024-02-29', day('2024-02-29')],
    ['2000-02-29', day('2000-02-29')],
    ['2025-12-31', day('2025-12-31')],
    ['2025-03', month('2025-03')],
    ['2025-12', month('2025-12')],
    ['2025-01', month('2025-01')],
    ['2025', year('2025')],
  ])('accepts %s', (text, expected) => {
    expect(parseEffectiveDate(text)).toStrictEqual(expected);
  });

  it('reads "unknown" as a date of unknown precision', () => {
    expect(parseEffectiveDate('unknown')).toStrictEqual({ date: null, precision: 'unknown' });
    expect(parseEffectiveDate('unknown')).toBe(UNKNOWN_DATE);
  });

  it.each([
    ['2025-02-30', 'no such day'],
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'not a leap year (century)'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-01-00', 'day zero'],
    ['2025-01-32', 'day 32'],
    ['2025-13', 'month 13'],
    ['2025-00', 'month zero'],
    ['2025-13-01', 'month 13 with a day'],
    ['2025-2-01', 'unpadded month'],
    ['2025-02-1', 'unpadded day'],
    ['25-02-01', 'two-digit year'],
    ['2025-02-28T00:00:00Z', 'a timestamp'],
    [' 2025-02-28', 'leading space'],
    ['2025-02-28 ', 'trailing space'],
    ['Unknown', 'case matters'],
    ['', 'empty'],
    ['dec 2026', 'prose'],
  ])('rejects %s (%s)', (text) => {
    expect(parseEffectiveDate(text)).toBeNull();
  });
});

describe('isCalendarDay', () => {
  it('accepts real days only, in full YYYY-MM-DD form', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-02')).toBe(false);
    expect(isCalendarDay('2025')).toBe(false);
  });
});

describe('formatEffectiveDate', () => {
  it('gives the date as written, or "unknown"', () => {
    expect(formatEffectiveDate(month('2026-12'))).toBe('2026-12');
    expect(formatEffectiveDate(UNKNOWN_DATE)).toBe('unknown');
  });
});

describe('earliestDay and latestDay', () => {
  it.each([
    ['a day', day('2025-02-28'), '2025-02-28', '2025-02-28'],
    ['a month', month('2025-03'), '2025-03-01', '2025-03-31'],
    ['a 30-day month', month('2025-04'), '2025-04-01', '2025-04-30'],
    ['February', month('2025-02'), '2025-02-01', '2025-02-28'],
    ['February in a leap year', month('2024-02'), '2024-02-01', '2024-02-29'],
    ['February in 1900 (no leap year)', month('1900-02'), '1900-02-01', '1900-02-28'],
    ['December', month('2026-12'), '2026-12-01', '2026-12-31'],
    ['a year', year('2025'), '2025-01-01', '2025-12-31'],
    ['an unknown date', UNKNOWN_DATE, BEGINNING_OF_TIME, END_OF_TIME],
  ])('%s', (_name, date, earliest, latest) => {
    expect(earliestDay(date)).toBe(earliest);
    expect(latestDay(date)).toBe(latest);
  });

  it('the open bounds are 0000-01-01 and 9999-12-31', () => {
    expect([BEGINNING_OF_TIME, END_OF_TIME]).toStrictEqual(['0000-01-01', '9999-12-31']);
  });
});

describe('lastDayBefore', () => {
  it.each([
    [day('2025-03-01'), day('2025-02-28')],
    [day('2024-03-01'), day('2024-02-29')],
    [day('2025-01-01'), day('2024-12-31')],
    [day('2025-06-15'), day('2025-06-14')],
    [day('2025-05-01'), day('2025-04-30')],
  ])('a change on %j ends the state on %j', (change, expected) => {
    expect(lastDayBefore(change)).toStrictEqual(expected);
  });

  it('keeps the period and precision of a coarser change', () => {
    expect(lastDayBefore(month('2025-03'))).toStrictEqual(month('2025-03'));
    expect(lastDayBefore(year('2025'))).toStrictEqual(year('2025'));
    expect(lastDayBefore(UNKNOWN_DATE)).toStrictEqual(UNKNOWN_DATE);
  });
});

describe('certainlyNotAfter', () => {
  it('is true only when no reading of either date puts the first later', () => {
    expect(certainlyNotAfter(day('2025-02-28'), day('2025-03-01'))).toBe(true);
    expect(certainlyNotAfter(day('2025-03-01'), day('2025-03-01'))).toBe(true);
    expect(certainlyNotAfter(day('2025-03-02'), day('2025-03-01'))).toBe(false);
    expect(certainlyNotAfter(day('2025-03-15'), month('2025-03'))).toBe(false);
    expect(certainlyNotAfter(month('2025-02'), day('2025-03-01'))).toBe(true);
    expect(certainlyNotAfter(UNKNOWN_DATE, day('2025-03-01'))).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});

describe('properties', () => {
  const calendarDay = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('every calendar day parses to itself, and the day before it ends before it starts', () => {
    fc.assert(
      fc.property(calendarDay, (text) => {
        const parsed = parseEffectiveDate(text);
        expect(parsed).toStrictEqual(day(text));
        const before = lastDayBefore(parsed!);
        expect(latestDay(before) < earliestDay(parsed!)).toBe(true);
        expect(addDays(before.date!, 1)).toBe(text);
      }),
    );
  });

  it('a month covers exactly its days: the day after its latest day is the first of the next month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const text = `${y}-${String(m).padStart(2, '0')}`;
        const parsed = parseEffectiveDate(text)!;
        expect(parsed).toStrictEqual(month(text));
        const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
        expect(addDays(latestDay(parsed), 1)).toBe(next);
        expect(isCalendarDay(latestDay(parsed))).toBe(true);
        expect(isCalendarDay(addDays(latestDay(parsed), 1))).toBe(true);
        expect(earliestDay(parsed)).toBe(`${text}-01`);
      }),
    );
  });
});
