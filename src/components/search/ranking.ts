/** Pagefind's ranking, tuned so a title, speaker or project match beats a passing mention. */
export const ranking = {
  metaWeights: { title: 6, speakers: 4, projects: 3, themes: 2 },
  // Talk pages vary a lot in length; do not let one-paragraph pages win on term density alone.
  pageLength: 0.5,
  termSaturation: 1.2,
};
