import { useEffect, useState } from 'react';

const STORAGE_KEY = 'plein.sneltoetsen';

// Single-key shortcuts can be switched off (WCAG 2.1.4): the choice is kept in this browser.
export function useShortcutsEnabled(): [boolean, (on: boolean) => void] {
  const [enabled, setEnabled] = useState(() => (typeof localStorage === 'undefined' ? true : localStorage.getItem(STORAGE_KEY) !== 'uit'));
  const set = (on: boolean) => {
    setEnabled(on);
    localStorage.setItem(STORAGE_KEY, on ? 'aan' : 'uit');
  };
  return [enabled, set];
}

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

// j / k: next or previous conversation in the list; /: the search field; r: the reply box. Never while
// typing, and never with a modifier key (those belong to the browser and assistive technology).
export function useInboxShortcuts(enabled: boolean, actions: Partial<Record<'j' | 'k' | '/' | 'r', () => void>>) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const action = actions[event.key as keyof typeof actions];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, actions]);
}

// Moves focus to the next or previous conversation link in the list.
export function focusConversation(step: 1 | -1) {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.plein-inbox-item__who')];
  if (links.length === 0) return;
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
  links[next]!.focus();
  links[next]!.closest('li')?.scrollIntoView({ block: 'nearest' });
}
