import { describe, expect, it } from 'vitest';
import {
  allSocialCards,
  socialCardPaths,
  siteSocialCard,
  talkSocialCard,
  themeSocialCard,
} from '../../src/lib/social-cards';
import { linkSite } from '../../src/lib/site';
import { sampleContent } from '../helpers/fixtures';

const freshSite = () => linkSite(sampleContent(), { includeDrafts: false });
const talk = (id: string) => freshSite().talks.find((t) => t.id === id)!;

describe('social card text', () => {
  it('shows a talk’s event and dates, title, speakers and themes', () => {
    const dns = talk('eu-2021/dns');
    dns.speakers = [{ name: 'Ada Example', affiliation: 'Example Corp' }];
    expect(talkSocialCard(dns)).toEqual({
      eyebrow: 'KubeCon Europe 2021 · 4–7 May 2021',
      title: 'DNS: the ndots Story',
      byline: 'Ada Example (Example Corp)',
      chips: ['Networking'],
    });
  });

  it('says plainly when the recaps name no speaker, or the session had no title', () => {
    const dns = talk('eu-2021/dns');
    expect(talkSocialCard(dns).byline).toBe('Speakers not named in the recaps');
    dns.untitled = true;
    expect(talkSocialCard(dns).byline).toBe('Untitled session');
  });

  it('counts a theme’s talks and names its events', () => {
    const networking = freshSite().themes.find((t) => t.id === 'networking')!;
    expect(themeSocialCard(networking)).toMatchObject({ title: 'Networking', byline: '2 talks · Europe 2021' });
  });

  it('lists the site card, then one per talk and theme, each at its published path', () => {
    const site = freshSite();
    const cards = allSocialCards(site);
    expect(cards[0]).toEqual({ path: 'og/site.png', card: siteSocialCard });
    expect(cards.map((c) => c.path)).toEqual([
      'og/site.png',
      ...site.talks.map((t) => socialCardPaths.talk(t.slug)),
      ...site.themes.map((t) => socialCardPaths.theme(t.id)),
    ]);
  });
});
