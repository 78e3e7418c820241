import { describe, expect, it } from 'vitest';
import { slugSchema } from '../../src/schemas/common';
import { slugify } from '../../src/lib/slugs';

describe('slugify', () => {
  it('makes the slug github-slugger makes for headings, without accents or doubled hyphens', () => {
    expect(slugify('How to Break your Kubernetes Cluster with Networking')).toBe(
      'how-to-break-your-kubernetes-cluster-with-networking',
    );
    expect(slugify('eBPF on the Rise — Getting Started')).toBe('ebpf-on-the-rise-getting-started');
    expect(slugify('Hacking and Defending Kubernetes Clusters: We’ll Do It LIVE!!!')).toBe(
      'hacking-and-defending-kubernetes-clusters-well-do-it-live',
    );
    expect(slugify('Natália Réka')).toBe('natalia-reka');
    expect(slugify('Putting Chaos Into Continuous Delivery to Increase App…')).toBe(
      'putting-chaos-into-continuous-delivery-to-increase-app',
    );
  });
  it('keeps other scripts, in one Unicode form (NFC)', () => {
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
