import { createIndex, close } from 'pagefind';
const dir = process.argv[2];
let t = performance.now();
const { index } = await createIndex({ forceLanguage: 'en' });
const added = await index.addDirectory({ path: dir });
console.log('add', added.page_count, Math.round(performance.now() - t)); t = performance.now();
await index.writeFiles({ outputPath: '/tmp/pfout' });
console.log('write', Math.round(performance.now() - t));
await close();
