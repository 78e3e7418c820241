import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange } from '../../src/lib/dates';

describe('dates', () => {
  it('formats full and month-only dates', () => {
    expect(formatDate('2021-05-04')).toBe('4 May 2021');
    expect(formatDate('2023-04')).toBe('April 2023');
  });
  it('formats ranges only as precisely as the data', () => {
    expect(formatDateRange('2021-05-04', '2021-05-07')).toBe('4–7 May 2021');
    expect(formatDateRange('2021-04-30', '2021-05-02')).toBe('30 April – 2 May 2021');
    expect(formatDateRange('2021-12-30', '2022-01-02')).toBe('30 December 2021 – 2 January 2022');
    expect(formatDateRange('2023-04', '2023-04')).toBe('April 2023');
    expect(formatDateRange('2023-04', '2023-05')).toBe('April 2023 – May 2023');
  });
});
