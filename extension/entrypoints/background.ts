// The badge for opted-in automatic checks: a profile's canonical URL in, "in Kith" or nothing out.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { LookupDocument } from '../src/api/documents.js';
import { kithRequest } from '../src/api/kith-client.js';
import { AUTO_CHECK, isMessage } from '../src/matches.js';
import { normalizeProfileUrl } from '../src/parsers/profile-url.js';
import { activeServer, loadPreferences, loadServers } from '../src/storage.js';

async function autoCheck(tabId: number, pageUrl: string) {
  const url = normalizeProfileUrl(pageUrl);
  const preferences = await loadPreferences();
  const server = activeServer(await loadServers(), preferences);
  if (!url || !server || !preferences.autoCheck[url.site]) return;
  try {
    const { clipperLookup } = await kithRequest(server, LookupDocument, { url: url.canonical });
    const found = clipperLookup.contact;
    await browser.action.setBadgeText({ tabId, text: found ? '✓' : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2f7d4f' });
    await browser.action.setTitle({ tabId, title: found ? `In Kith: ${found.name}` : 'Kith Clipper' });
  } catch {
    await browser.action.setBadgeText({ tabId, text: '' });
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isMessage(message, AUTO_CHECK) && sender.tab?.id != null && typeof message.url === 'string') void autoCheck(sender.tab.id, message.url);
    return undefined;
  });
});
