export interface TocEntry {
  depth: number;
  slug: string;
  text: string;
}

/** A table of contents from rendered headings: h2 and h3, only when a page is long enough to need one. */
export function tableOfContents(headings: TocEntry[], minimum = 4): TocEntry[] {
  const entries = headings.filter((heading) => heading.depth === 2 || heading.depth === 3);
  return entries.filter((heading) => heading.depth === 2).length >= minimum ? entries : [];
}
