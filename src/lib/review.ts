/**
 * When a page was last checked against today's releases, and which pages are due for another check.
 * Pure functions over plain data, so the site and `npm run review` (which reads the files itself) share
 * them; `today` is always passed in, never read from the clock here.
 */

/** A page not reviewed for this many months shows a notice, and `npm run review` lists it. */
export const reviewAgeMonths = 12;

/** Whole calendar months from a month (YYYY-MM) to a later day or month: 2025-12 to 2026-12-01 is 12. */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear! - fromYear!) * 12 + (toMonth! - fromMonth!);
}

export interface ReviewStatus {
  /** The month the page was last reviewed, if it ever was. */
  reviewed?: string;
  /** Months since then, when it was. */
  ageMonths?: number;
  /** Never reviewed, or not for `maxAge` months or more. */
  stale: boolean;
}

export function reviewStatus(reviewed: string | undefined, today: string, maxAge = reviewAgeMonths): ReviewStatus {
  if (!reviewed) return { stale: true };
  const ageMonths = monthsBetween(reviewed, today);
  return { reviewed, ageMonths, stale: ageMonths >= maxAge };
}

/** A change as the review list needs it. */
export interface ReviewChange {
  title: string;
  file: string;
  date: string;
  /** The day its sources were last checked, YYYY-MM-DD: when it was recorded, or confirmed again. */
  checked: string;
}

/** A talk or theme page as the review list needs it, with the changes that affect it. */
export interface ReviewPage {
  kind: 'talk' | 'theme';
  title: string;
  file: string;
  reviewed?: string;
  changes: ReviewChange[];
}

export interface ReviewItem extends ReviewPage {
  status: ReviewStatus;
  /** Changes recorded after the page's review month (all of them for a page never reviewed), newest first. */
  since: ReviewChange[];
}

/** The changes recorded (checked) after a page's review month. */
export function changesSince(page: ReviewPage): ReviewChange[] {
  return page.changes
    .filter((change) => !page.reviewed || change.checked.slice(0, 7) > page.reviewed)
    .sort((a, b) => b.checked.localeCompare(a.checked) || a.title.localeCompare(b.title, 'en'));
}

/**
 * The pages due for review: never reviewed, last reviewed `maxAge` months ago or more, or with a change
 * recorded since their review. Oldest review first (pages never reviewed before all others), then by file.
 */
export function reviewQueue(pages: ReviewPage[], today: string, maxAge = reviewAgeMonths): ReviewItem[] {
  return pages
    .map((page) => ({ ...page, status: reviewStatus(page.reviewed, today, maxAge), since: changesSince(page) }))
    .filter((item) => item.status.stale || item.since.length > 0)
    .sort((a, b) => (a.reviewed ?? '').localeCompare(b.reviewed ?? '') || a.file.localeCompare(b.file));
}

/** `npm run review`'s report: the due pages, oldest review first, each with the changes recorded since. */
export function formatReviewReport(items: ReviewItem[], today: string, maxAge = reviewAgeMonths): string {
  const rule = `reviewed ${maxAge} or more months ago, or with a change recorded since their last review`;
  if (items.length === 0) {
    return `No page is due for review on ${today}: every talk and theme was checked within ${maxAge} months and no change has been recorded since.\n`;
  }
  const lines = [
    `${items.length} ${items.length === 1 ? 'page is' : 'pages are'} due for review on ${today} (${rule}):`,
    '',
  ];
  items.forEach((item, i) => {
    const { reviewed, ageMonths } = item.status;
    const when = reviewed
      ? `last reviewed ${reviewed}, ${ageMonths} ${ageMonths === 1 ? 'month' : 'months'} ago`
      : 'never reviewed (no "reviewed" field)';
    lines.push(`${i + 1}. ${item.file}  (${item.kind}: ${item.title})`, `   ${when}`);
    if (item.since.length) {
      lines.push(`   ${item.since.length === 1 ? '1 change' : `${item.since.length} changes`} recorded since:`);
      for (const change of item.since) lines.push(`     ${change.checked}  ${change.title}  (${change.file})`);
    }
    lines.push('');
  });
  lines.push(`When a page is checked, set its "reviewed" field to the current month, YYYY-MM.`);
  return `${lines.join('\n')}\n`;
}
