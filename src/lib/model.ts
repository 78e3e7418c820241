import type { TalkFormat } from '../schemas/talk';

/** The linked, validated content the pages render. Built once per build by buildSite(). */
export interface Site {
  talks: Talk[];
  themes: Theme[];
  events: Event[];
  projects: Project[];
  recaps: Recap[];
  /** Old talk URLs (path without base) and the path each now redirects to. */
  redirects: Record<string, string>;
}

export interface Speaker {
  name?: string;
  affiliation?: string;
}

export interface Talk {
  id: string;
  /** content path, e.g. content/talks/eu-2021/x.mdx, for messages and edit links */
  file: string;
  slug: string;
  title: string;
  untitled: boolean;
  event: Event;
  speakers: Speaker[];
  format: TalkFormat;
  themes: Theme[];
  projects: Project[];
  recaps: Recap[];
  summary: string;
  redirectFrom: string[];
  draft: boolean;
}

export interface Theme {
  id: string;
  file: string;
  title: string;
  description: string;
  order: number;
  startHere: Talk[];
  draft: boolean;
  /** Published talks in this theme, newest event first, then by title. */
  talks: Talk[];
}

export interface ColocatedEvent {
  name: string;
  note?: string;
}

export interface Event {
  id: string;
  file: string;
  name: string;
  shortName: string;
  location: string;
  venue?: string;
  start: string;
  end: string;
  colocated: ColocatedEvent[];
  about: string;
  talks: Talk[];
}

export interface Project {
  id: string;
  file: string;
  name: string;
  description: string;
  homepage?: string;
  parent?: Project;
  /** Short names readers search for it by, e.g. otel. */
  aliases: string[];
  children: Project[];
  /** Talks that list this project itself. */
  talks: Talk[];
}

export interface Recap {
  id: string;
  file: string;
  title: string;
  untitled: boolean;
  author: string;
  attribution: string;
  publisher?: string;
  published?: string;
  event: Event;
  scope: string;
  talks: Talk[];
}
