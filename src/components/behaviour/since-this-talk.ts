/** A link to one change unfolds the folded list of changes and shows it. */
export function initSinceThisTalk() {
  // A link to one change (a superseded takeaway's mark, a change's page) unfolds the list and shows it.
  function reveal() {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const details = target?.closest<HTMLDetailsElement>('.since__details');
    if (!target || !details || details.open) return;
    details.open = true;
    target.scrollIntoView();
  }
  addEventListener('hashchange', reveal);
  reveal();
}
