/**
 * Every page's behaviour, in one module: one small file to fetch (and cache) instead of one per component, which
 * on a talk page is a third less JavaScript before interaction. Each part does nothing on a page without its
 * elements; the markup it acts on is in the component of the same name.
 */
import { initColorSchemeToggle } from './color-scheme-toggle';
import { initCopyControls } from './copy-controls';
import { initSearchLauncher } from './search-launcher';
import { initSinceThisTalk } from './since-this-talk';
import { initSiteMenu } from './site-menu';
import { initTableOfContents } from './table-of-contents';

initColorSchemeToggle();
initSiteMenu();
initSearchLauncher();
initTableOfContents();
initCopyControls();
initSinceThisTalk();
