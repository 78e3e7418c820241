import { describe, expect, it } from 'vitest';
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
});
