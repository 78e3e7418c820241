/**
 * Does search find the talk on the first try, however it is asked? Real queries a
 * teammate would type, each with the page that must come first or within the first
 * three, run with Pagefind's own search code, the site's ranking and the site's
 * query handling (synonyms, corrections, relaxing) against the built index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex, type PagefindApi } from '../helpers/pagefind';
import { contentFiles, distDir, recapFiles, requireBuild, talkPath } from '../helpers/site';

let pagefind: PagefindApi;
beforeAll(async () => {
  requireBuild();
  pagefind = await openIndex(distDir);
});
afterAll(() => pagefind?.destroy());

/** The pages the site's search shows for a query, in order (without the highlight parameter). */
const urls = async (query: string, options: { verbatim?: boolean } = {}) => {
  const outcome = await pagefind.run(query, options);
  return Promise.all(outcome.results.map(async (result) => (await result.load()).url.replace(/\?.*$/, '')));
};
const kind = (url: string) => url.split('/')[1];

type Row = [query: string, expected: string, within: 1 | 3];

// [query, the page expected, how high it must rank]: queries in the site's own words.
const table: Row[] = [
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

const talk = (slug: string) => `/talks/${slug}/`;
const networking = talk('how-to-break-your-kubernetes-cluster-with-networking');
const blowUp = talk('how-to-blow-up-a-kubernetes-cluster');
const keda = talk('application-autoscaling-made-easy-with-kubernetes-event-driven-autoscaling');
const pspDeprecation = talk('kubernetes-release-cadence-and-podsecuritypolicy-deprecation');
const prometheusLoad = talk('when-prometheus-cant-take-the-load-anymore');
const users = talk('what-do-you-mean-k8s-doesnt-have-users-how-do-i-manage-user-access-then');
const notary = talk('notary-v2-supply-chain-security-for-containers');
const hiding = talk('the-art-of-hiding-yourself');
const buildkitCache = talk('running-cache-efficient-builds-at-scale-on-kubernetes-with-buildkit');
const stockx = talk('battle-of-black-friday-proactively-autoscaling-stockx');
const netflix = talk('sidecars-at-netflix-from-basic-injection-to-first-class-citizens');
const linkerd = talk('linkerd-multi-cluster');
const trustNoOne = talk('trust-no-one-bringing-confidential-computing-to-containers');
const coredns = talk('coredns-deep-dive-building-custom-plugins');
const argoChaos = talk('unlocking-argo-cds-hidden-tools-for-chaos-engineering-featuring-vcluster-and-more');
const kspan = talk('kubernetes-events-as-traces-with-kspan');
const adobe = talk('tips-from-the-trenches-gitops-at-adobe');
const karpenter = talk('groupless-autoscaling-with-karpenter');
const otelMetrics = talk('otel-me-about-metrics');
const otelPipelines = talk('connected-observability-pipelines-in-the-opentelemetry-collector');
const otelTutorial = talk('tutorial-exploring-the-power-of-opentelemetry-on-kubernetes');
const opa = talk('open-policy-agent-and-gatekeeper');
const crdServer = talk('bare-bones-api-server-for-crds-without-a-cluster');
const ebpfRise = talk('ebpf-on-the-rise-getting-started');
const wasm = talk('cloud-native-webassembly-better-together');
const eks = talk('aws-container-days-eks-roadmap');
const dod = talk('us-department-of-defense-kubernetes-platform');
const meshes = talk('the-case-for-meshes');
const chaosDelivery = talk('putting-chaos-into-continuous-delivery-to-increase-app');
const limits = talk('resource-requests-and-limits-under-the-hood-the-journey-of-a-pod-spec');
const containerd = talk('introduction-and-deep-dive-into-containerd');
const bottlerocket = talk('aws-container-days-bottlerocket');
const cronjobs = talk('the-long-winding-and-bumpy-road-to-cronjobs-ga');
const k8sSecurity = talk('hacking-into-kubernetes-security-for-beginners');
const flux = talk('helm-users-what-flux-2-can-do-for-you');
const attack = talk('uncovering-a-sophisticated-kubernetes-attack-in-real-time');
const envoy = talk('turning-your-cloud-native-apps-inside-out-with-a-service-mesh');
const otelSecurity = talk('using-opentelemetry-for-application-security-with-a-real-life-example');
const gitlab = talk('how-we-are-dealing-with-metrics-at-scale-on-gitlabcom');
const clusterApi = talk('cluster-api-demo-creating-kubernetes-clusters');

/** Questions and long queries, as a reader would ask them: no page holds every word. */
const questions: Row[] = [
  ['how do i cut dns traffic', networking, 3],
  ['why does my pod get OOMKilled', blowUp, 3],
  ['how can we scale workloads down to zero', keda, 3],
  ['what replaces PodSecurityPolicy after the deprecation', pspDeprecation, 3],
  ['where do we keep prometheus metrics when one server cannot cope', prometheusLoad, 3],
  ['how do i give people access to a kubernetes cluster when it has no users', users, 3],
  ['how should we sign our container images', notary, 3],
  ['how does an attacker hide a process from ps', hiding, 3],
  ['how to build container images on kubernetes and reuse the layer cache', buildkitCache, 3],
  ['how did stockx get ready for black friday traffic', stockx, 3],
  ['why did netflix need sidecars to start before the app', netflix, 3],
  ['how do i reach services in another cluster through the mesh', linkerd, 3],
  ['can we run untrusted code in a microvm', trustNoOne, 3],
  ['how do i write my own plugin for coredns', coredns, 3],
  ['what can argo cd do for chaos engineering', argoChaos, 3],
  ['can i see kubernetes events as traces in jaeger', kspan, 3],
  ['what do resource requests and limits really do to my pod', limits, 3],
];

/** The field's shorthand and synonyms, from content/glossary.yaml and the projects' aliases. */
const shorthand: Row[] = [
  ['k8s users', users, 1],
  ['otel metrics', otelMetrics, 1],
  ['otel collector pipelines', otelPipelines, 1],
  ['otel kubernetes tutorial', otelTutorial, 1],
  ['psp deprecation', pspDeprecation, 1],
  ['hpa external metrics', keda, 3],
  ['OOM', blowUp, 3],
  ['opa', opa, 3],
  ['crd api server', crdServer, 3],
  ['bpf', ebpfRise, 3],
  ['wasm', wasm, 3],
  ['eks roadmap', eks, 1],
  ['IaC', dod, 3],
  ['argocd', adobe, 3],
  ['netpol dns', networking, 3],
  ['nsm', meshes, 3],
  ['cd chaos', chaosDelivery, 3],
  ['mTLS multi-cluster', linkerd, 3],
  ['sbom signing', notary, 3],
];

/** Misspellings: one edit, two edits, and two letters swapped. */
const misspellings: Row[] = [
  ['promehteus', prometheusLoad, 3],
  ['kuberentes security', k8sSecurity, 3],
  ['karpeneter', karpenter, 1],
  ['linkred', linkerd, 1],
  ['gatekeper', opa, 1],
  ['promethus', prometheusLoad, 3],
  ['falko', hiding, 3],
  ['bottlerokcet', bottlerocket, 1],
  ['buildkti cache', buildkitCache, 1],
  ['opentelemtry tutorial', otelTutorial, 1],
  ['kyvreno', pspDeprecation, 3],
  ['containred', containerd, 3],
  ['webassmbly', wasm, 3],
  ['corednss plugins', coredns, 1],
  ['cronjbo', cronjobs, 1],
  ['gatkeepr', opa, 1],
  ['firecrakr', trustNoOne, 3],
  ['obsevrability pipelines', otelPipelines, 3],
];

/** A project and a topic: the talk about both ranks first, above theme, event and project pages that mention both. */
const projectAndTopic: Row[] = [
  ['cilium networking', networking, 1],
  ['prometheus scaling', prometheusLoad, 1],
  ['opentelemetry kubernetes', otelTutorial, 1],
  ['falco security', hiding, 1],
  ['linkerd multi-cluster', linkerd, 1],
  ['argo cd chaos', argoChaos, 1],
  ['karpenter autoscaling', karpenter, 1],
  ['keda autoscaling', keda, 1],
  ['flux helm', flux, 1],
  ['opa gatekeeper policy', opa, 1],
  ['cilium security', attack, 1],
  ['buildkit kubernetes', buildkitCache, 1],
  ['envoy service mesh', envoy, 1],
  ['kata containers confidential', trustNoOne, 1],
  ['notary supply chain', notary, 1],
  ['opentelemetry security', otelSecurity, 1],
  ['gitlab metrics', gitlab, 1],
  ['cluster api kubernetes clusters', clusterApi, 1],
];

describe('search relevance', () => {
  describe.each([
    ['queries in the site’s own words', table],
    ['questions and long queries', questions],
    ['shorthand and synonyms', shorthand],
    ['misspellings', misspellings],
    ['a project and a topic', projectAndTopic],
  ] as const)('%s', (_class, rows) => {
    it.each(rows)('"%s" finds %s (in the first %i)', async (query, expected, within) => {
      const found = await urls(query);
      expect(found.slice(0, within), `results for "${query}": ${found.slice(0, 5).join(', ')}`).toContain(expected);
    });
  });

  it('ranks a query whose words pages hold exactly as Pagefind does', async () => {
    for (const [query] of table) {
      const outcome = await pagefind.run(query);
      const words = outcome.words.map((w) => w.word).join(' ');
      const alone = (await pagefind.search(words)).map((hit) => hit.url.replace(/\?.*$/, ''));
      const complete = (await urls(query)).slice(0, outcome.complete);
      expect(complete.slice(0, alone.length), query).toEqual(alone);
    }
  });

  it('finds a note’s words on its talk’s page, not again on the recap page that repeats the note', async () => {
    // "ksplice" is in one note only (the diary's on Bottlerocket), shown on the talk page and the recap page.
    expect(await urls('ksplice')).toEqual(['/talks/aws-container-days-bottlerocket/']);
    // The recap page is still found by what is its own: its title and the titles of the talks it covers.
    expect((await urls('recap bottlerocket')).slice(0, 3)).toContain('/recaps/diary-2021/');
  });

  it('puts a writer’s recap first when a reader types who wrote it', async () => {
    for (const recap of recapFiles()) {
      const writer = String(recap.data.author ?? recap.data.publisher ?? recap.data.attribution);
      const found = await urls(writer);
      expect(found[0], `${writer}: ${found.slice(0, 3).join(', ')}`).toBe(`/recaps/${recap.id}/`);
    }
  });

  it('puts no event page above a talk on a topical query', async () => {
    for (const [query] of [...questions, ...projectAndTopic, ...shorthand]) {
      const found = await urls(query);
      const firstEvent = found.findIndex((url) => kind(url) === 'events');
      const lastTalk = found.findLastIndex((url) => kind(url) === 'talks');
      if (firstEvent === -1) continue;
      expect(firstEvent, `${query}: ${found.join(', ')}`).toBeGreaterThan(lastTalk);
    }
  });

  it('ranks the talk about a project and a topic above every theme, event and project page', async () => {
    for (const [query, expected] of projectAndTopic) {
      const found = await urls(query);
      const firstOther = found.findIndex((url) => kind(url) !== 'talks');
      expect(found.indexOf(expected), query).toBeGreaterThanOrEqual(0);
      expect(found.indexOf(expected), `${query}: ${found.slice(0, 5).join(', ')}`).toBeLessThan(firstOther);
    }
  });

  it('ranks a talk that shows a tool above a page that only mentions it', async () => {
    const found = await urls('Karpenter');
    const talk = found.indexOf('/talks/groupless-autoscaling-with-karpenter/');
    const mention = found.indexOf('/themes/autoscaling-resources/');
    // The theme page does mention Karpenter: both must be found, the talk first.
    expect(talk).toBeGreaterThanOrEqual(0);
    expect(mention).toBeGreaterThan(talk);
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

  it('shows each result’s kind, event, speakers and themes, and leads to matching sections', async () => {
    const [hit] = await pagefind.search('ndots');
    expect(hit!.meta).toMatchObject({ type: 'Talk', event: 'Europe 2021', speakers: 'Thomas Graf (Isovalent)' });
    expect(hit!.meta.themes).toContain('Networking');
    expect(hit!.excerpt).toContain('<mark>');
    expect(hit!.subResults.some((sub) => /#takeaways|#what-the-talk-covered/.test(sub.url))).toBe(true);
  });
});
