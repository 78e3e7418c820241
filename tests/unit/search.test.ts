import { describe, expect, it } from 'vitest';
import { talkSearchData, projectSearchData } from '../../src/lib/search';
import { linkSite } from '../../src/lib/site';
import { sampleContent } from '../helpers/fixtures';

describe('search data', () => {
  const site = linkSite(sampleContent(), { includeDrafts: false });
  it('gives talks their facets, result metadata and date sort key', () => {
    const mesh = site.talks.find((t) => t.id === 'eu-2021/mesh')!;
    expect(talkSearchData(mesh)).toEqual({
      filters: {
        type: ['Talk'],
        theme: ['Networking', 'GitOps'],
        event: ['Europe 2021'],
        project: ['Cilium'],
        format: ['Talk'],
      },
      meta: {
        type: 'Talk',
        event: 'Europe 2021',
        speakers: undefined,
        themes: 'Networking · GitOps',
        projects: 'Cilium',
      },
      sort: { date: '2021-05-04' },
    });
  });
  it('files projects under the project facet', () => {
    const cilium = site.projects.find((p) => p.id === 'cilium')!;
    expect(projectSearchData(cilium).filters).toEqual({ type: ['Project'], project: ['Cilium'] });
  });
});
