/**
 * Astro's own terminal logger (astro/logger/node), less two lines a writer would take for their own mistake:
 *
 * - the warning at every start that Shiki's inline styles are not compatible with a Content-Security-Policy.
 *   The site has handled that: its policy allows inline styles for Shiki's colours (`security.csp` in
 *   astro.config.mjs), and the build tests check that no page breaks it.
 * - "An unhandled error occurred while running the hook", which Astro prints before an error the content
 *   checks raise; the error itself, naming each file and field, follows it.
 *
 * Everything else passes through as Astro prints it. Plain TypeScript that Node runs as it is.
 */
import node from 'astro/logger/node';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';

const contentChecks = 'kubecon-recaps:content-checks';

export function isNoise(event: AstroLoggerMessage): boolean {
  const message = String(event.message);
  return (
    (event.level === 'warn' &&
      event.label === 'config' &&
      message.startsWith('Shiki syntax highlighting uses inline styles')) ||
    (event.level === 'error' && event.label === contentChecks && message.startsWith('An unhandled error occurred'))
  );
}

export default function siteLogger(): AstroLoggerDestination {
  // Astro filters by level (--verbose, --silent) before a message gets here, so this passes all it is given.
  const terminal = node({ level: 'debug' });
  return {
    write(event) {
      if (!isNoise(event)) terminal.write(event);
    },
  };
}
