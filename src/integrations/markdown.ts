/**
 * How talk and theme bodies are turned into HTML, on top of Astro's native
 * Markdown pipeline (Sätteri): section anchors with a copy-link control, an
 * anchor per takeaway, internal links under the base path, external links with
 * safe rel values, and code blocks with a title, an "our illustration" label and
 * a copy button. Sätteri runs these after Shiki and before Astro's own heading
 * ids, so astro.config.mjs puts Sätteri's heading-id plugin (the same one) first.
 */
import type { ShikiTransformer } from 'shiki';
import { defineHastPlugin, type HastPluginList, type HastVisitorContext } from 'satteri';
import type { Element, ElementContent } from 'hast';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { indexWeights } from '../lib/search.ts';
import { slugify } from '../lib/slugs.ts';

/** The link icon of every copy-link control, here and in AnchorLink.astro. */
export const linkIconPath =
  'M7.8 4.2 9.4 2.6a3.2 3.2 0 0 1 4.5 4.5l-2.4 2.4a3.2 3.2 0 0 1-4.5 0l1-1a1.8 1.8 0 0 0 2.5 0l2.4-2.4a1.8 1.8 0 0 0-2.5-2.5L8.8 5.2zm.4 7.6-1.6 1.6a3.2 3.2 0 0 1-4.5-4.5l2.4-2.4a3.2 3.2 0 0 1 4.5 0l-1 1a1.8 1.8 0 0 0-2.5 0L3.1 9.9a1.8 1.8 0 0 0 2.5 2.5l1.6-1.6z';

const linkIcon: ElementContent = {
  type: 'element',
  tagName: 'svg',
  properties: { viewBox: '0 0 16 16', width: 16, height: 16, ariaHidden: 'true', focusable: 'false' },
  children: [
    {
      type: 'element',
      tagName: 'path',
      properties: {
        fill: 'currentColor',
        d: linkIconPath,
      },
      children: [],
    },
  ],
};

/** A link to #id that, with JavaScript, copies the section's full URL. */
function anchorLink(id: string, label: string): ElementContent {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['anchor-link'], href: `#${id}`, dataCopyLink: '', ariaLabel: label },
    children: [linkIcon],
  };
}

type Visit = (node: Element, ctx: HastVisitorContext) => void;

/** h2 and h3, once the heading-id plugin has given them ids, get a link control after the text. */
const headingAnchor: Visit = (node, ctx) => {
  const id = node.properties?.id;
  if (typeof id !== 'string') return;
  ctx.appendChild(node, anchorLink(id, `Copy link to section: ${ctx.textContent(node).trim()}`));
};

/**
 * Each item of the list under "## Takeaways" gets an id from its first words,
 * so a link can point at one takeaway and survives reordering. Lists, not items, are visited, so each list's
 * heading is looked up once.
 */
function takeawayAnchors(): Visit {
  const used = new Set<string>();
  return (list, ctx) => {
    const container = ctx.parent(list);
    const index = ctx.indexOf(list);
    if (!container || index === undefined) return;
    const heading = container.children
      .slice(0, index)
      .reverse()
      .find((child): child is Element => child.type === 'element');
    if (heading?.tagName !== 'h2' || ctx.textContent(heading).trim() !== 'Takeaways') return;
    for (const item of list.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue;
      const text = ctx.textContent(item).trim();
      const words = slugify(text).split('-').slice(0, 6).join('-');
      let id = `takeaway-${words}`;
      for (let n = 2; used.has(id); n++) id = `takeaway-${words}-${n}`;
      used.add(id);
      ctx.setProperty(item, 'id', id);
      // A takeaway is what a reader searches for; weigh it above a passing mention.
      ctx.setProperty(item, 'dataPagefindWeight', String(indexWeights.takeaway));
      ctx.prependChild(item, anchorLink(id, `Copy link to this takeaway: ${text.slice(0, 80)}`));
    }
  };
}

/** Root-relative links get the base path; links off the site get safe rel values. */
function siteLink(base: string): Visit {
  return (node, ctx) => {
    const href = node.properties?.href;
    if (typeof href !== 'string') return;
    if (href.startsWith('/') && !href.startsWith('//')) {
      ctx.setProperty(node, 'href', base.replace(/\/$/, '') + href);
    } else if (/^(https?:)?\/\//.test(href)) {
      ctx.setProperty(node, 'rel', 'noopener noreferrer');
    }
  };
}

/** Shiki: `title="file.yaml"` in a code fence's meta becomes data-title on the <pre>. */
export const codeTitle: ShikiTransformer = {
  name: 'kcr-code-title',
  pre(node) {
    const title = /title="([^"]+)"/.exec(this.options.meta?.__raw ?? '')?.[1];
    if (title) node.properties['data-title'] = title;
  },
};

/**
 * Every code block becomes a figure with a caption: the file name if the fence
 * names one, a label saying the snippet is ours, and a copy button that the
 * page script reveals (it does nothing without JavaScript, so it starts hidden).
 */
const codeFigure: Visit = (node, ctx) => {
  const title = node.properties?.dataTitle ?? node.properties?.['data-title'];
  const caption: ElementContent[] = [];
  if (typeof title === 'string') {
    caption.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['code-title'] },
      children: [{ type: 'text', value: title }],
    });
  }
  caption.push(
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['code-label'] },
      children: [{ type: 'text', value: 'Our illustration, not the speaker’s slide' }],
    },
    {
      type: 'element',
      tagName: 'button',
      properties: { type: 'button', className: ['copy-code'], dataCopyCode: '', hidden: true },
      children: [{ type: 'text', value: 'Copy' }],
    },
  );
  ctx.replaceNode(node, {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['code-figure'] },
    children: [{ type: 'element', tagName: 'figcaption', properties: {}, children: caption }, node as Element],
  });
};

/**
 * The site's HAST plugins in the order they must run. Heading ids come first: Astro adds the same
 * plugin after ours, too late for the anchor controls that link to them. The site's own changes are one
 * plugin, so Sätteri walks each body and applies the changes once, not once per change. They do not depend
 * on one another: the anchor links added to headings and takeaways link within the page, which the
 * site-link rule leaves alone.
 */
export function markdownPlugins(base: string): HastPluginList {
  const siteChanges = () =>
    defineHastPlugin({
      name: 'kcr-site-markdown',
      element: [
        { filter: ['h2', 'h3'], visit: headingAnchor },
        { filter: ['ul'], visit: takeawayAnchors() },
        { filter: ['a'], visit: siteLink(base) },
        { filter: ['pre'], visit: codeFigure },
      ],
    });
  return [satteriHeadingIdsPlugin(), siteChanges];
}
