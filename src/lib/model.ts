/**
 * The linked content the pages render, built once per build by linkSite(). Each type is its schema's
 * output with the references replaced by the entries they name, so a field added to a schema reaches
 * the pages without being written out again here.
 */
import type { z } from 'astro/zod';
import type { changeSchema } from '../schemas/change.ts';
import type { eventSchema } from '../schemas/event.ts';
import type { projectSchema } from '../schemas/project.ts';
import type { noteSchema } from '../schemas/note.ts';
import type { recapSchema } from '../schemas/recap.ts';
import type { speakerSchema, talkSchema } from '../schemas/talk.ts';
import type { themeSchema } from '../schemas/theme.ts';

export type TalkData = z.output<ReturnType<typeof talkSchema>>;
export type ThemeData = z.output<ReturnType<typeof themeSchema>>;
export type EventData = z.output<typeof eventSchema>;
export type ProjectData = z.output<ReturnType<typeof projectSchema>>;
export type RecapData = z.output<ReturnType<typeof recapSchema>>;
export type NoteData = z.output<ReturnType<typeof noteSchema>>;
export type Speaker = z.output<typeof speakerSchema>;
export type ChangeData = z.output<ReturnType<typeof changeSchema>>;

/** What every linked entry has besides its data: its id and its file, for messages and edit links. */
interface Entry {
  id: string;
  /** content path, e.g. content/talks/eu-2021/x.mdx */
  file: string;
}

export interface Site {
  talks: Talk[];
  themes: Theme[];
  events: Event[];
  projects: Project[];
  recaps: Recap[];
  /** Each old slug of a renamed talk, and the talk it now redirects to. */
  redirects: Redirect[];
  /** Changes in the world since the talks, newest first. */
  changes: Change[];
}

export type Talk = Entry &
  Omit<TalkData, 'slug' | 'event' | 'themes' | 'projects'> & {
    /** The URL slug: the `slug` field, or one derived from the title. */
    slug: string;
    event: Event;
    /** The first is the talk's main theme (see mainTheme). */
    themes: Theme[];
    projects: Project[];
    /** Each recap's note on this talk, by the recap's attribution. */
    notes: Note[];
    /** The recaps that have a note on this talk, in the same order. */
    recaps: Recap[];
    /** What each recorded change means for this talk, newest change first. */
    impacts: Impact[];
  };

export type Theme = Entry &
  Omit<ThemeData, 'startHere'> & {
    startHere: Talk[];
    /** Published talks in this theme, in talk order. */
    talks: Talk[];
  };

export type Event = Entry &
  EventData & {
    talks: Talk[];
    /** The recaps written about this event. */
    recaps: Recap[];
  };

export type Project = Entry &
  Omit<ProjectData, 'parent'> & {
    parent?: Project;
    children: Project[];
    /** Talks that list this project itself. */
    talks: Talk[];
    /** Its own talks and those of its sub-projects (Argo lists Argo CD's talks too), in talk order. */
    allTalks: Talk[];
    /** Changes recorded for this project itself, newest first. */
    changes: Change[];
  };

export type Recap = Entry &
  Omit<RecapData, 'event' | 'picks'> & {
    event: Event;
    /** The talks the writer singled out as the ones to watch, each one this recap has a note on. */
    picks: Talk[];
    /** The writer's notes, in the writer's order (then the event's talk order). */
    notes: Note[];
    /** The talks the notes are about, in the same order. */
    talks: Talk[];
  };

/** One recap's note on one talk. */
export type Note = Entry &
  Omit<NoteData, 'talk'> & {
    recap: Recap;
    talk: Talk;
    /** Nothing written yet: allowed in `npm run dev` only, and marked there. */
    empty: boolean;
  };

export interface Redirect {
  /** The slug the talk was published under before. */
  from: string;
  to: Talk;
}

export type Change = Entry &
  Omit<ChangeData, 'projects' | 'talks'> & {
    projects: Project[];
    /** The talks it affects, each with our verdict, in talk order. */
    impacts: Impact[];
  };

/** What one change means for one talk: whether its takeaways still hold, and why, in our words. */
export type Impact = Omit<ChangeData['talks'][number], 'talk'> & {
  change: Change;
  talk: Talk;
};
