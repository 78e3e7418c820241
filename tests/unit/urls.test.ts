import { describe, expect, it } from 'vitest';
import { absoluteUrl, joinBase, paths } from '../../src/lib/urls';

describe('urls', () => {
  it('joins any base with any path', () => {
    expect(joinBase('/', paths.talk('x'))).toBe('/talks/x/');
    expect(joinBase('/recaps/', '/talks/x/')).toBe('/recaps/talks/x/');
    expect(joinBase('/recaps', 'pagefind/')).toBe('/recaps/pagefind/');
    expect(joinBase('/', paths.home())).toBe('/');
  });
  it('makes absolute URLs under the base path', () => {
    expect(absoluteUrl('https://example.org', '/sub/', paths.theme('ebpf'))).toBe(
      'https://example.org/sub/themes/ebpf/',
    );
  });
});
