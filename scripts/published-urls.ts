/**
 * npm run urls:record: adds every page of the last build to the list of published URLs
 * (tests/published-urls.txt); nothing is ever removed.
 */
import { join, relative } from 'node:path';
import { builtPages, listFile, recordPages } from './shared/published-urls.ts';

const dist = process.env.KCR_OUT_DIR ?? join(import.meta.dirname, '..', 'dist');
const count = recordPages(builtPages(dist));
console.log(`${relative(process.cwd(), listFile)}: ${count} published URLs`);
