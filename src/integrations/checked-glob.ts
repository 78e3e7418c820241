import { glob } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { siteConfig } from '../site.config.ts';

type GlobOptions = Parameters<typeof glob>[0];
type Loader = ReturnType<typeof glob>;
type LoadContext = Parameters<Loader['load']>[0];
interface EntryType {
  getEntryInfo(params: unknown): Promise<{ data: Record<string, unknown>; body?: string }>;
}

/**
 * Astro's glob() loader, which in `astro dev` keeps a file that fails the content checks as it is written,
 * unvalidated, where Astro would stop the server at start or log a message that names no field; the
 * content-checks integration shows the problems on every page until they are fixed. In a build the checks have
 * already refused any such file, so it is glob() itself.
 */
export function checkedGlob(contentDir: string, options: GlobOptions & { base: string }): Loader {
  const loader = glob(options);
  const root = resolve(contentDir);
  return {
    name: 'kubecon-recaps:checked-glob',
    load: async (context: LoadContext) => {
      if (!context.watcher) return loader.load(context);
      // Only the dev server checks here: content.config.ts, which every build loads, stays clear of the checks' code.
      const { checkFile } = await import('../lib/content-checks');
      const broken = (filePath: string) => {
        const path = relative(root, filePath).split(sep).join('/');
        return (
          checkFile({ path, bytes: readFileSync(filePath) }, path, { today: siteConfig(process.env).today }).problems
            .length > 0
        );
      };
      const inner = context as LoadContext & { entryTypes?: Map<string, EntryType> };
      // A file whose frontmatter cannot be read at all fails before parseData: read it as empty instead.
      const entryTypes =
        inner.entryTypes &&
        new Map(
          [...inner.entryTypes].map(([extension, type]) => [
            extension,
            Object.assign(Object.create(type), {
              getEntryInfo: (params: unknown) =>
                Promise.resolve()
                  .then(() => type.getEntryInfo(params))
                  .catch(() => ({ data: {}, body: '', rawData: '', slug: '' })),
            }),
          ]),
        );
      await loader.load({
        ...context,
        ...(entryTypes ? { entryTypes } : {}),
        // Kept as written, not validated: no page renders while the content has problems (the integration
        // shows them instead), and the next save that fixes the file validates it.
        parseData: async (props) => (props.filePath && broken(props.filePath) ? props.data : context.parseData(props)),
      } as LoadContext);
    },
  };
}
