// What the extension keeps (chrome.storage.local): Kith servers with their API keys, and preferences.
// Never profile data: a page's fields live in the popup's memory and go when it closes.
import { browser } from 'wxt/browser';
import type { Site } from './parsers/profile-url.js';

export interface SavedServer {
  id: string;
  /** Base URL, no trailing slash. */
  url: string;
  apiKey: string;
  /** From the key check on save. */
  workspaceName: string;
  role: string;
  canSave: boolean;
}

export interface Preferences {
  activeServerId: string | null;
  /** Keep the profile photo's URL on the contact (off unless the user opts in). */
  storePhotos: boolean;
  /** Check "already in Kith?" by URL when a profile opens, shown on the badge (off by default, per site). */
  autoCheck: Record<Site, boolean>;
}

export const DEFAULT_PREFERENCES: Preferences = { activeServerId: null, storePhotos: false, autoCheck: { LINKEDIN: false, UPWORK: false, DJINNI: false } };

export async function loadServers(): Promise<SavedServer[]> {
  const { servers } = await browser.storage.local.get('servers');
  return Array.isArray(servers) ? (servers as SavedServer[]) : [];
}

export async function saveServers(servers: SavedServer[]) {
  await browser.storage.local.set({ servers });
}

export async function loadPreferences(): Promise<Preferences> {
  const { preferences } = await browser.storage.local.get('preferences');
  const saved = (preferences ?? {}) as Partial<Preferences>;
  return { ...DEFAULT_PREFERENCES, ...saved, autoCheck: { ...DEFAULT_PREFERENCES.autoCheck, ...saved.autoCheck } };
}

export async function savePreferences(preferences: Preferences) {
  await browser.storage.local.set({ preferences });
}

/** The server the popup uses: the chosen one, else the first. */
export function activeServer(servers: SavedServer[], preferences: Preferences) {
  return servers.find((s) => s.id === preferences.activeServerId) ?? servers[0] ?? null;
}

/** "https://Kith.Example.com/app/" → "https://kith.example.com/app"; null when not an http(s) URL. */
export function serverBaseUrl(input: string): string | null {
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** The host permission pattern for a server: only its origin. */
export const originPattern = (baseUrl: string) => `${new URL(baseUrl).origin}/*`;
