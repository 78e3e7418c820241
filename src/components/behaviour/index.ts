/**
 * Every page's behaviour, in one module: one small file to fetch (and cache) instead of one per component, which
 * on a talk page is a third less JavaScript before interaction. Each part does nothing on a page without its
 * elements; the markup it acts on is in the component of the same name.
 */
import { initColorSchemeToggle } from './color-scheme-toggle.ts';
import { initCopyControls } from './copy-controls.ts';
import { initSearchLauncher } from './search-launcher.ts';
import { initSinceThisTalk } from './since-this-talk.ts';
import { initSiteMenu } from './site-menu.ts';
import { initTableOfContents } from './table-of-contents.ts';

initColorSchemeToggle();
initSiteMenu();
initSearchLauncher();
initTableOfContents();
initCopyControls();
initSinceThisTalk();
