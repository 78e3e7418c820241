/**
 * "Last updated" dates from git history. One `git log` over the content folder
 * is parsed into the newest commit date of each file, so a build with thousands
 * of pages still asks git once.
 */

/** Parses `git log --format=%x00%cI --name-only`: each commit is a NUL, its date, then the files it touched. */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const commit of output.split('\0').slice(1)) {
    const [date, ...files] = commit.trim().split('\n');
    for (const file of files) {
      const path = file.trim();
      // git lists newest commits first, so the first date seen for a file is its latest.
      if (path && !dates.has(path)) dates.set(path, date!.slice(0, 10));
    }
  }
  return dates;
}

/**
 * The same log read the other way: the date of the oldest commit that has each file at its path, with the time,
 * for when a page was first published (the feed's pubDate). A file moved with `git mv` counts from the move.
 */
export function parseFirstCommitDates(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const commit of output.split('\0').slice(1)) {
    const [date, ...files] = commit.trim().split('\n');
    // Newest first, so each later sighting of a file is older: the last one wins.
    for (const file of files) if (file.trim()) dates.set(file.trim(), date!.trim());
  }
  return dates;
}
