// The page's side of the service worker (web/sw.ts): registering it once the first view is on
// screen (so it does not compete with that view for a weak signal), clearing its data store when
// the person signing in changes, and turning its messages into what the page shows: redraw when
// the data changed, "offline" with the time the data was saved when the network is out.
import { forgetSavedAnswers, setSavedAnswerHandler } from './api-client.ts';

export interface OfflineEvents {
  /** The data of the view on screen changed on the server: draw it again. */
  onChanged(): void;
  /** The network is out; what is on screen was saved at `savedAt` (ISO), or null when not known. */
  onOffline(savedAt: string | null): void;
  /** The network is back. */
  onOnline(): void;
}

let lastSavedAt: string | null = null;

export function startOffline(events: OfflineEvents): void {
  setSavedAnswerHandler(({ savedAt }) => { lastSavedAt = savedAt; });
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const m = event.data as { type?: string; changed?: boolean; status?: number; savedAt?: string | null };
    if (m.type === 'revalidated' && (m.changed || m.status === 401)) events.onChanged();
    if (m.type === 'offline') events.onOffline(m.savedAt ?? lastSavedAt);
  });
  window.addEventListener('offline', () => events.onOffline(lastSavedAt));
  window.addEventListener('online', () => events.onOnline());
}

/** Registers the worker after the first view is drawn, when the page is idle. */
export function registerWorker(): void {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const go = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 3_000 });
  else setTimeout(go, 1_000);
}

/** Forgets the saved data: another person may sign in on this phone next. */
export async function clearSavedData(): Promise<void> {
  lastSavedAt = null;
  await forgetSavedAnswers();
}
