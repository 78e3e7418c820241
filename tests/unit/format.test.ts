import { describe, expect, it } from 'vitest';
import { eventPlace, joinList, plural, speakerLabel, speakersLine } from '../../src/lib/format';

describe('format', () => {
  it('labels speakers with what the recaps give', () => {
    expect(speakerLabel({ name: 'Thomas Graf', affiliation: 'Isovalent' })).toBe('Thomas Graf (Isovalent)');
    expect(speakerLabel({ affiliation: 'Jetstack' })).toBe('Jetstack');
    expect(speakerLabel({ name: 'Kyle' })).toBe('Kyle');
    expect(speakersLine([{ name: 'A' }, { name: 'B' }, { affiliation: 'C' }])).toBe('A, B and C');
    expect(speakersLine([])).toBe('');
  });
  it('says where an event was, as precisely as the data', () => {
    expect(eventPlace({ location: 'virtual' })).toBe('Virtual');
    expect(eventPlace({ location: 'Amsterdam', venue: 'RAI Convention Centre' })).toBe(
      'RAI Convention Centre, Amsterdam',
    );
    expect(eventPlace({ location: 'Amsterdam' })).toBe('Amsterdam');
  });
  it('joins lists and pluralises', () => {
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'])).toBe('a and b');
    expect(plural(1, 'talk')).toBe('1 talk');
    expect(plural(3, 'talk')).toBe('3 talks');
    expect(plural(2, 'tool or project', 'tools and projects')).toBe('2 tools and projects');
  });
});
