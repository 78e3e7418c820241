/**
 * The pieces pages are made of, rendered on their own with Astro's container
 * API: talk cards, theme chips, the related-talks list, and code blocks as the
 * Markdown pipeline produces them.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { markdownToHtml } from 'satteri';
import { codeToHtml } from 'shiki';
import { beforeAll, describe, expect, it } from 'vitest';
import RelatedTalks from '../../src/components/RelatedTalks.astro';
import TalkCard from '../../src/components/TalkCard.astro';
import ThemeChips from '../../src/components/ThemeChips.astro';
import { codeTitle, markdownPlugins } from '../../src/integrations/markdown';
import { linkSite } from '../../src/lib/site';
import { sampleContent } from '../helpers/fixtures';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
// A fresh model for every use, so a test that changes a talk changes nothing another test sees.
const freshSite = () => linkSite(sampleContent(), { includeDrafts: false });
const talk = (id: string) => freshSite().talks.find((t) => t.id === id)!;

describe('TalkCard', () => {
  it('shows the title as a link to the talk, the event, speakers, summary and theme chips', async () => {
    const mesh = talk('eu-2021/mesh');
    mesh.speakers = [{ name: 'Ada Example', affiliation: 'Example Corp' }, { affiliation: 'Jetstack' }];
    const html = await container.renderToString(TalkCard, { props: { talk: mesh } });
    expect(html).toMatch(
      /<h3 class="talk-card__title"[^>]*><a href="\/talks\/meshes-are-awesome\/"[^>]*>Meshes Are Awesome<\/a><\/h3>/,
    );
    expect(html).toContain('Europe 2021');
    expect(html).toContain('Ada Example (Example Corp) and Jetstack');
    expect(html).toContain(mesh.summary);
    expect(html).toContain('href="/themes/networking/"');
    expect(html).toContain('href="/themes/gitops/"');
  });
  it('leaves out the event where the list is already grouped by event, and marks untitled sessions', async () => {
    const dns = talk('eu-2021/dns');
    dns.untitled = true;
    const html = await container.renderToString(TalkCard, { props: { talk: dns, showEvent: false, headingLevel: 4 } });
    expect(html).not.toContain('Europe 2021');
    expect(html).toContain('untitled session');
    expect(html).toMatch(/<h4 class="talk-card__title"/);
  });
});

describe('ThemeChips', () => {
  it('is a labelled list of links to each theme', async () => {
    const html = await container.renderToString(ThemeChips, { props: { themes: freshSite().themes } });
    expect(html).toMatch(/<ul class="chips" aria-label="Themes"/);
    expect(
      [...html.matchAll(/<a class="chip" href="([^"]+)"[^>]*>\s*([^<]+?)\s*<\/a>/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ['/themes/gitops/', 'GitOps'],
      ['/themes/networking/', 'Networking'],
    ]);
  });
});

describe('RelatedTalks', () => {
  it('lists the talks under a heading', async () => {
    const html = await container.renderToString(RelatedTalks, { props: { talks: [talk('eu-2021/dns')] } });
    expect(html).toContain('<h2 id="related-heading"');
    expect(html).toContain('DNS: the ndots Story');
  });
  it('renders nothing when there is nothing related', async () => {
    const html = await container.renderToString(RelatedTalks, { props: { talks: [] } });
    expect(html.trim()).toBe('');
  });
});

describe('the Markdown pipeline', () => {
  it('captions a code block with its file name, our label and a copy button', async () => {
    const highlighted = await codeToHtml('kind: Pod\nmetadata:\n  name: x', {
      lang: 'yaml',
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      meta: { __raw: 'title="pod.yaml" {2}' },
      transformers: [codeTitle],
    });
    expect(highlighted).toContain('data-title="pod.yaml"');
    const { html } = await markdownToHtml('```yaml title="pod.yaml"\nkind: Pod\n```\n', {
      hastPlugins: markdownPlugins('/'),
    });
    expect(html).toMatch(/^<figure class="code-figure"><figcaption>/);
    expect(html).toContain('Our illustration, not the speaker’s slide');
    expect(html).toMatch(/<button type="button" class="copy-code" data-copy-code(="")? hidden(="")?>Copy<\/button>/);
    expect(html).toMatch(/<\/figcaption><pre/);
  });

  it('gives headings and takeaways their anchors, and links their base path', async () => {
    const markdown =
      '## Takeaways\n\n- Lower ndots for chatty pods.\n- Allow DNS egress.\n\nSee [Cilium](/projects/cilium/) and [docs](https://example.org).\n';
    const { html } = await markdownToHtml(markdown, {
      hastPlugins: markdownPlugins('/sub/'),
    });
    expect(html).toContain('<h2 id="takeaways">Takeaways<a class="anchor-link" href="#takeaways"');
    expect(html).toContain('aria-label="Copy link to section: Takeaways"');
    expect(html).toMatch(/<li id="takeaway-lower-ndots-for-chatty-pods"[^>]*data-pagefind-weight="2"/);
    expect(html).toContain('id="takeaway-allow-dns-egress"');
    expect(html).toContain('href="/sub/projects/cilium/"');
    expect(html).toContain('href="https://example.org" rel="noopener noreferrer"');
  });
});
