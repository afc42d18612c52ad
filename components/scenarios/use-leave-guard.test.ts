import { describe, expect, it } from 'vitest';
import { shouldGuardClick } from './use-leave-guard';

const here = { href: 'http://localhost:3000/scenarios/abc', origin: 'http://localhost:3000', pathname: '/scenarios/abc', search: '' } as Location;
const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
function anchor(href: string, attrs: Record<string, string> = {}): HTMLAnchorElement {
  const all: Record<string, string> = { href, ...attrs };
  return { href: new URL(href, here.href).href, target: all.target ?? '', getAttribute: (k: string) => all[k] ?? null, hasAttribute: (k: string) => k in all } as unknown as HTMLAnchorElement;
}

describe('scenarios: leaving with unsaved changes', () => {
  it('asks before an in-app link to another page', () => {
    expect(shouldGuardClick(click, anchor('/costs'), here)).toBe(true);
    expect(shouldGuardClick(click, anchor('/scenarios/compare?ids=a,b'), here)).toBe(true);
    expect(shouldGuardClick(click, anchor('/scenarios/abc?tab=x'), here)).toBe(true);
  });

  it('lets through what does not leave the page: downloads, new tabs, anchors on the page, other buttons', () => {
    expect(shouldGuardClick(click, anchor('/api/v1/scenarios/abc/export?format=csv', { download: '' }), here)).toBe(false);
    expect(shouldGuardClick(click, anchor('/costs', { target: '_blank' }), here)).toBe(false);
    expect(shouldGuardClick({ ...click, ctrlKey: true }, anchor('/costs'), here)).toBe(false);
    expect(shouldGuardClick({ ...click, button: 1 }, anchor('/costs'), here)).toBe(false);
    expect(shouldGuardClick(click, anchor('#lines'), here)).toBe(false);
    expect(shouldGuardClick(click, anchor('/scenarios/abc'), here)).toBe(false);
    expect(shouldGuardClick(click, null, here)).toBe(false);
    expect(shouldGuardClick({ ...click, defaultPrevented: true }, anchor('/costs'), here)).toBe(false);
  });

  it('leaves another origin to the browser’s own beforeunload prompt', () => {
    expect(shouldGuardClick(click, anchor('https://example.org/'), here)).toBe(false);
  });
});
