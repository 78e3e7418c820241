const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface PartialDate {
  year: number;
  month: number;
  day?: number;
}

function parse(date: string): PartialDate {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month: month!, day };
}

/** "2021-05-04" → "4 May 2021"; "2023-04" → "April 2023". */
export function formatDate(date: string): string {
  const { year, month, day } = parse(date);
  return [day, monthNames[month - 1], year].filter((part) => part !== undefined).join(' ');
}

/**
 * A date range as a reader says it, only as precise as the data:
 * "4–7 May 2021", "30 April – 2 May 2021", "April 2023".
 */
export function formatDateRange(start: string, end: string): string {
  if (start === end) return formatDate(start);
  const a = parse(start);
  const b = parse(end);
  if (a.day === undefined || b.day === undefined) return `${formatDate(start)} – ${formatDate(end)}`;
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${monthNames[b.month - 1]} ${b.year}`;
  if (a.year === b.year) return `${a.day} ${monthNames[a.month - 1]} – ${formatDate(end)}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** How many days a month has (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when a YYYY-MM-DD names a day that exists: no 30 February, no 31 April. */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Why a YYYY-MM-DD is not a day, as a writer would put it: "February 2021 has 28 days". */
export function calendarProblem(date: string): string | undefined {
  if (isCalendarDate(date)) return undefined;
  const { year, month } = parse(date);
  return month >= 1 && month <= 12
    ? `${formatDate(date.slice(0, 7))} has ${daysInMonth(year, month)} days`
    : 'there is no month ' + month;
}
