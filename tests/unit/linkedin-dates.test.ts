import { describe, expect, it } from 'vitest';
import { resolveDay, resolveMessageTime, resolveTime } from '../../lib/sites/linkedin/dates';

// Day headings and times as saved LinkedIn pages show them (tests/fixtures/linkedin-more/README.md):
// pl "Dzisiaj", "środa", "14 maj", "24 cze" (2026-06 threads and inbox), zh "3月19日", "2025年12月14日"
// (2026-09 inbox), es "viernes" (2023-02 bubble). English forms are exercised as Intl writes them.
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('resolveDay', () => {
  const thursday = new Date(2026, 5, 25, 12, 0); // Thu 25 June 2026

  it.each([
    ['Dzisiaj', 'pl', day(2026, 6, 25)],
    ['Wczoraj', 'pl', day(2026, 6, 24)],
    ['środa', 'pl', day(2026, 6, 24)],
    ['poniedziałek', 'pl', day(2026, 6, 22)],
    ['piątek', 'pl', day(2026, 6, 19)],
    ['14 maj', 'pl', day(2026, 5, 14)],
    ['24 cze', 'pl', day(2026, 6, 24)],
    ['Today', 'en', day(2026, 6, 25)],
    ['Yesterday', 'en', day(2026, 6, 24)],
    ['Monday', 'en', day(2026, 6, 22)],
    ['May 14', 'en', day(2026, 5, 14)],
    ['viernes', 'es', day(2026, 6, 19)],
    ['5月14日', 'zh-CN', day(2026, 5, 14)],
    ['2025年12月14日', 'zh-CN', day(2025, 12, 14)],
  ])('%s (%s) read on Thu 25 Jun 2026', (text, lang, want) => {
    expect(resolveDay(text, thursday, lang)?.getTime()).toBe(want);
    // Without the page language every candidate language must agree, and here they do.
    expect(resolveDay(text, thursday)?.getTime()).toBe(want);
  });

  it('resolves the zh inbox dates against the day the list was read (2026-09-21)', () => {
    const read = new Date(2026, 8, 21, 12, 0);
    expect(resolveDay('3月19日', read)?.getTime()).toBe(day(2026, 3, 19));
    expect(resolveDay('2025年12月14日', read)?.getTime()).toBe(day(2025, 12, 14));
  });

  it.each([
    ['czwartek', "today's own weekday: today or a week ago"],
    ['Thursday', "today's own weekday: today or a week ago"],
    ['31 gru', 'a year-less date after the reading day'],
    ['Lorem', 'no language reads it'],
    ['', 'empty'],
    ['13', 'a bare number'],
  ])('%s is unresolved (%s), not guessed', (text) => {
    expect(resolveDay(text, thursday)).toBeNull();
  });

  it('returns null for an invalid reading time', () => {
    expect(resolveDay('Dzisiaj', new Date(Number.NaN), 'pl')).toBeNull();
  });
});

describe('resolveTime', () => {
  it.each([
    ['18:19', 18 * 60 + 19],
    ['08:35', 8 * 60 + 35],
    ['6:19 PM', 18 * 60 + 19],
    ['12:05 AM', 5],
    ['下午6:19', 18 * 60 + 19],
    ['上午10:08', 10 * 60 + 8],
  ])('%s is %i minutes after midnight', (text, minutes) => {
    expect(resolveTime(text)).toBe(minutes);
  });

  it.each(['25:00', '18:75', '6:19 XY', '13:05 PM', 'noon'])('%s is unresolved', (text) => {
    expect(resolveTime(text)).toBeNull();
  });
});

describe('resolveMessageTime', () => {
  it('combines the day heading and the time stamp in local time', () => {
    const read = new Date(2026, 5, 25, 12, 0);
    expect(resolveMessageTime('środa', '08:35', read, 'pl')?.getTime()).toBe(new Date(2026, 5, 24, 8, 35).getTime());
  });

  it('needs both parts', () => {
    const read = new Date(2026, 5, 25, 12, 0);
    expect(resolveMessageTime('środa', null, read, 'pl')).toBeNull();
    expect(resolveMessageTime(null, '08:35', read, 'pl')).toBeNull();
  });
});
