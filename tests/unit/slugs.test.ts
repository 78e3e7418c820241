import { describe, expect, it } from 'vitest';
import { slugSchema } from '../../src/schemas/common';
import { slugify } from '../../src/lib/slugs';

describe('slugify', () => {
  it('drops Latin accents and keeps other scripts, in one Unicode form (NFC)', () => {
    expect(slugify('Réseau à la carte')).toBe('reseau-a-la-carte');
    const japanese = slugify('複数クラスタにまたがるLinkerd');
    expect(japanese).toBe('複数クラスタにまたがるlinkerd');
    expect(japanese).toBe(japanese.normalize('NFC'));
    // The same title typed in decomposed form (as some keyboards and file systems write it) gives the same slug.
    expect(slugify('複数クラスタにまたがるLinkerd'.normalize('NFD'))).toBe(japanese);
    expect(slugify('Сетевые политики')).toBe('сетевые-политики');
  });
  it('gives an empty slug for a title without letters or digits', () => {
    expect(slugify('🚀 🚀')).toBe('');
  });
});

describe('a slug written in frontmatter', () => {
  it('is accepted exactly when it is what slugify makes', () => {
    for (const slug of ['ebpf-on-the-rise', 'сетевые-политики', '複数クラスタにまたがるlinkerd']) {
      expect(slugSchema.safeParse(slug).success, slug).toBe(true);
    }
    for (const slug of ['Not-A-Slug', 'two--hyphens', '', '複数クラスタにまたがるlinkerd'.normalize('NFD')]) {
      expect(slugSchema.safeParse(slug).success, slug).toBe(false);
    }
  });
});
