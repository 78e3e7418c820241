import { slug as githubSlug } from 'github-slugger';

/**
 * The URL slug of a talk title, made the way Astro makes heading ids
 * (github-slugger), so a title and its heading anchor read the same. Latin
 * accents are dropped ("Réseau" → "reseau"); every other script is kept, in
 * one Unicode form (NFC), so a page is written and linked under the same name.
 */
export function slugify(text: string): string {
  return githubSlug(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .normalize('NFC')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** The longest slug, in UTF-8 bytes: it becomes a folder and a card's file name, which hold at most 255. */
export const maxSlugBytes = 200;
