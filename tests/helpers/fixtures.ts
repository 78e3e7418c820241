import type { EntryRef } from '../../src/schemas/references';
import { ContentError, type RawContent } from '../../src/lib/site';

const ref =
  (collection: string) =>
  (id: string): EntryRef => ({ id, collection });
export const eventRef = ref('events');
export const themeRef = ref('themes');
export const projectRef = ref('projects');
export const talkRef = ref('talks');

type TalkData = RawContent['talks'][number]['data'];
type NoteData = RawContent['notes'][number]['data'];

/** One recap's note on a talk, in content/recaps/<recap>/<talk>.md. */
export const note = (id: string, talk: string, data: Partial<NoteData> = {}) => ({
  id,
  filePath: `content/recaps/${id}.md`,
  body: 'The writer liked it.',
  data: { talk: talkRef(talk), ...data },
});

/** A small valid content set: two events, two themes, three talks. */
export function sampleContent(): RawContent {
  const talk = (id: string, data: Partial<TalkData>, body = '## What the talk covered\n\nSomething.') => ({
    id,
    filePath: `content/talks/${id}.mdx`,
    body,
    data: {
      title: 'Untitled',
      untitled: false,
      event: eventRef('eu-2021'),
      speakers: [],
      format: 'talk' as const,
      themes: [themeRef('networking')],
      projects: [],
      summary: 'A summary that is long enough to pass the schema check.',
      redirectFrom: [],
      draft: false,
      ...data,
    },
  });
  return {
    events: [
      {
        id: 'eu-2021',
        filePath: 'content/events/eu-2021.yaml',
        data: {
          name: 'KubeCon Europe 2021',
          shortName: 'Europe 2021',
          location: 'virtual',
          start: '2021-05-04',
          end: '2021-05-07',
          colocated: [],
          about: 'Online.',
        },
      },
      {
        id: 'eu-2023',
        filePath: 'content/events/eu-2023.yaml',
        data: {
          name: 'KubeCon Europe 2023',
          shortName: 'Europe 2023',
          location: 'Amsterdam',
          start: '2023-04',
          end: '2023-04',
          colocated: [],
          about: 'In person.',
        },
      },
    ],
    recaps: [
      {
        id: 'diary',
        filePath: 'content/recaps/diary/index.mdx',
        data: {
          title: 'A diary',
          untitled: false,
          author: 'Someone',
          attribution: 'The diary',
          event: eventRef('eu-2021'),
          scope: 'Talk by talk.',
          picks: [],
        },
      },
      {
        id: 'report',
        filePath: 'content/recaps/report/index.mdx',
        data: {
          title: 'A report',
          untitled: false,
          author: 'Two engineers',
          attribution: 'The report',
          event: eventRef('eu-2023'),
          scope: 'Trends and talks.',
          picks: [],
        },
      },
    ],
    notes: [note('diary/dns', 'eu-2021/dns'), note('diary/mesh', 'eu-2021/mesh'), note('report/argo', 'eu-2023/argo')],
    projects: [
      {
        id: 'argo',
        filePath: 'content/projects/argo.yaml',
        data: { name: 'Argo', description: 'Umbrella.', category: 'delivery', aliases: [] },
      },
      {
        id: 'argo-cd',
        filePath: 'content/projects/argo-cd.yaml',
        data: {
          name: 'Argo CD',
          description: 'GitOps.',
          category: 'delivery',
          parent: projectRef('argo'),
          aliases: ['argocd'],
        },
      },
      {
        id: 'cilium',
        filePath: 'content/projects/cilium.yaml',
        data: { name: 'Cilium', description: 'CNI.', category: 'networking', aliases: [] },
      },
    ],
    themes: [
      {
        id: 'networking',
        filePath: 'content/themes/networking.mdx',
        body: 'Overview.',
        data: {
          title: 'Networking',
          description: 'Packets.',
          order: 2,
          startHere: [talkRef('eu-2021/dns')],
          draft: false,
        },
      },
      {
        id: 'gitops',
        filePath: 'content/themes/gitops.mdx',
        body: 'Overview.',
        data: { title: 'GitOps', description: 'Git.', order: 1, startHere: [talkRef('eu-2023/argo')], draft: false },
      },
    ],
    talks: [
      talk('eu-2021/dns', { title: 'DNS: the ndots Story', projects: [projectRef('cilium')] }),
      talk('eu-2021/mesh', {
        title: 'Meshes Are Awesome',
        themes: [themeRef('networking'), themeRef('gitops')],
        projects: [projectRef('cilium')],
      }),
      talk('eu-2023/argo', {
        title: 'Argo at Scale',
        event: eventRef('eu-2023'),
        themes: [themeRef('gitops')],
        projects: [projectRef('argo-cd')],
        slug: 'argo-scale',
      }),
    ],
  };
}

/** The error of the given class that fn throws; fails the test when it throws nothing, rethrows any other. */
export function thrownBy<E extends Error>(fn: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}

/** The problems a ContentError lists; fails the test when the call throws nothing. */
export const problemsOf = (fn: () => unknown): string[] => thrownBy(fn, ContentError).problems;
