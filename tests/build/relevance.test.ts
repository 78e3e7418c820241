/**
 * Does search find the talk on the first try? Real queries a teammate would type,
 * each with the page that must come first or within the first three, run with
 * Pagefind's own search code and the site's ranking against the built index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { contentFiles, distDir, requireBuild, talkPath } from '../helpers/site';

let pagefind: PagefindApi;
beforeAll(async () => {
  requireBuild();
  pagefind = await openIndex(distDir);
});
afterAll(() => pagefind?.destroy());

const urls = async (query: string, options = {}) => (await pagefind.search(query, options)).map((hit) => hit.url);

// [query, the page expected, how high it must rank]
const table: [string, string, 1 | 3][] = [
  ['ndots', '/talks/how-to-break-your-kubernetes-cluster-with-networking/', 1],
  ['Thomas Graf', '/talks/how-to-break-your-kubernetes-cluster-with-networking/', 1],
  ['DNS egress NetworkPolicy', '/talks/how-to-break-your-kubernetes-cluster-with-networking/', 3],
  ['Karpenter', '/talks/groupless-autoscaling-with-karpenter/', 3],
  ['OOMKill', '/talks/how-to-blow-up-a-kubernetes-cluster/', 3],
  ['Felix Hoffmann', '/talks/how-to-blow-up-a-kubernetes-cluster/', 1],
  ['KEDA scale to zero', '/talks/application-autoscaling-made-easy-with-kubernetes-event-driven-autoscaling/', 3],
  ['StockX', '/talks/battle-of-black-friday-proactively-autoscaling-stockx/', 1],
  ['Falco', '/talks/the-art-of-hiding-yourself/', 3],
  ['libprocesshider', '/talks/the-art-of-hiding-yourself/', 3],
  ['Jed Salazar', '/talks/uncovering-a-sophisticated-kubernetes-attack-in-real-time/', 1],
  ['Ellen Körbes', '/talks/hacking-into-kubernetes-security-for-beginners/', 1],
  ['automountServiceAccountToken', '/talks/hacking-and-defending-kubernetes-clusters-well-do-it-live/', 1],
  ['pin image by digest', '/talks/hacking-and-defending-kubernetes-clusters-well-do-it-live/', 3],
  ['Notary', '/talks/notary-v2-supply-chain-security-for-containers/', 3],
  ['Thanos Cortex M3', '/talks/when-prometheus-cant-take-the-load-anymore/', 1],
  ['Cortex', '/talks/cortex-multi-tenant-scalable-prometheus/', 3],
  ['kspan', '/talks/kubernetes-events-as-traces-with-kspan/', 1],
  ['Litmus', '/talks/putting-chaos-into-continuous-delivery-to-increase-app/', 3],
  ['Keptn quality gates', '/talks/putting-chaos-into-continuous-delivery-to-increase-app/', 1],
  ['BuildKit cache', '/talks/running-cache-efficient-builds-at-scale-on-kubernetes-with-buildkit/', 3],
  ['Kata Containers', '/talks/trust-no-one-bringing-confidential-computing-to-containers/', 3],
  ['Bottlerocket', '/talks/aws-container-days-bottlerocket/', 3],
  ['CronJob', '/talks/the-long-winding-and-bumpy-road-to-cronjobs-ga/', 1],
  ['KEP 753', '/talks/sidecars-at-netflix-from-basic-injection-to-first-class-citizens/', 3],
  ['Linkerd service mirroring', '/talks/linkerd-multi-cluster/', 1],
  ['CoreDNS plugins', '/talks/coredns-deep-dive-building-custom-plugins/', 1],
  ['Liz Rice', '/talks/keynote-liz-rice-on-cncf-sigs-becoming-technical-advisory-groups/', 1],
  ['Seth McCombs', '/talks/why-use-managed-kubernetes-its-dangerous-to-go-alone/', 1],
  ['Dapr KubeVela', '/talks/zero-pain-microservice-development-and-deployment-with-dapr-and-kubevela/', 1],
  ['WebAssembly', '/talks/cloud-native-webassembly-better-together/', 3],
  ['Flux notifications', '/talks/helm-users-what-flux-2-can-do-for-you/', 3],
  ['eBPF', '/themes/ebpf/', 3],
];

describe('search relevance', () => {
  it('has a real table to check', () => expect(table.length).toBeGreaterThanOrEqual(25));

  it.each(table)('"%s" finds %s (in the first %i)', async (query, expected, within) => {
    const found = await urls(query);
    expect(found.slice(0, within), `results for "${query}": ${found.slice(0, 5).join(', ')}`).toContain(expected);
  });

  it('ranks a talk that shows a tool above a page that only mentions it', async () => {
    const found = await urls('Karpenter');
    const talk = found.indexOf('/talks/groupless-autoscaling-with-karpenter/');
    const mention = found.indexOf('/themes/autoscaling-resources/');
    expect(talk).toBeGreaterThanOrEqual(0);
    if (mention >= 0) expect(talk).toBeLessThan(mention);
  });

  it('finds, for every tool a talk showed, a talk that showed it within the first three results', async () => {
    const talks = contentFiles('talks');
    const projects = contentFiles('projects');
    const misses: string[] = [];
    for (const project of projects) {
      // A talk that showed the project or one of its parts (Argo CD for Argo) counts.
      const family = [project.id, ...projects.filter((p) => p.data.parent === project.id).map((p) => p.id)];
      const showing = talks.filter((talk) =>
        (talk.data.projects as string[] | undefined)?.some((id) => family.includes(id)),
      );
      if (!showing.length) continue;
      const top = (await urls(String(project.data.name))).slice(0, 3);
      if (!showing.some((talk) => top.includes(talkPath(talk)))) misses.push(`${project.data.name}: ${top.join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('filters by facet, and browses a facet with no query', async () => {
    const otel = await pagefind.search('OpenTelemetry', { filters: { event: 'Europe 2023' } });
    expect(otel.length).toBeGreaterThan(0);
    expect(otel.every((hit) => hit.filters.event?.includes('Europe 2023'))).toBe(true);
    const ebpf = await pagefind.search(null, { filters: { theme: 'eBPF', type: 'Talk' } });
    expect(ebpf.length).toBeGreaterThanOrEqual(3);
    expect(ebpf.every((hit) => hit.meta.type === 'Talk' && hit.filters.theme?.includes('eBPF'))).toBe(true);
  });

  it('sorts by event date', async () => {
    const newest = await pagefind.search(null, { filters: { type: 'Talk' }, sort: { date: 'desc' } });
    const events = newest.map((hit) => hit.meta.event);
    expect(events[0]).toBe('Europe 2023');
    expect(events.at(-1)).toBe('Europe 2021');
    expect(events.indexOf('Europe 2021')).toBeGreaterThan(events.lastIndexOf('Europe 2023'));
  });

  it('shows each result’s kind, event, speakers and themes, and leads to matching sections', async () => {
    const [hit] = await pagefind.search('ndots');
    expect(hit!.meta).toMatchObject({ type: 'Talk', event: 'Europe 2021', speakers: 'Thomas Graf (Isovalent)' });
    expect(hit!.meta.themes).toContain('Networking');
    expect(hit!.excerpt).toContain('<mark>');
    expect(hit!.subResults.some((sub) => /#takeaways|#what-the-talk-covered/.test(sub.url))).toBe(true);
  });
});
