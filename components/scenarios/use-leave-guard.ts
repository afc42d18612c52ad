'use client';

// Asks before leaving a page with unsaved changes: the browser's own prompt when the tab is closed or
// reloaded (beforeunload), and a confirm() for clicks on in-app links, which the App Router follows
// without any event a page could cancel. The click is caught on window in the capture phase, before
// React's listeners on the document root (and so before next/link's), and stopped if the person stays.
import { useEffect, useRef } from 'react';

export function shouldGuardClick(event: Pick<MouseEvent, 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'defaultPrevented'>, anchor: HTMLAnchorElement | null, here: Location): boolean {
  if (!anchor || event.defaultPrevented || event.button !== 0) return false;
  // a new tab or a download leaves this page as it is
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return false;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return false;
  const url = new URL(anchor.href, here.href);
  // another origin is a full navigation: beforeunload asks
  if (url.origin !== here.origin) return false;
  return url.pathname !== here.pathname || url.search !== here.search;
}

export function useLeaveGuard(dirty: boolean, message: string) {
  const state = useRef({ dirty, message });
  useEffect(() => {
    state.current = { dirty, message };
  }, [dirty, message]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!state.current.dirty) return;
      e.preventDefault();
      // older Chromium needs returnValue set to show its prompt
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (!state.current.dirty) return;
      const anchor = e.target instanceof Element ? e.target.closest('a') : null;
      if (!shouldGuardClick(e, anchor, window.location)) return;
      if (window.confirm(state.current.message)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
    };
  }, []);
}
