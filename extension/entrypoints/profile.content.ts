// Runs on profile pages only, and reads nothing until the popup or side panel asks: then it parses the
// page once and answers. With the per-site automatic check switched on it sends the page's URL (nothing
// else) to the background, which asks Kith and sets the badge.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AUTO_CHECK, isMessage, PROFILE_MATCHES, READ_PROFILE } from '../src/matches.js';
import { normalizeProfileUrl, parseProfile } from '../src/parsers/index.js';
import { loadPreferences } from '../src/storage.js';

export default defineContentScript({
  matches: PROFILE_MATCHES,
  runAt: 'document_idle',
  async main() {
    // A second injection (the popup injects when the page was reached inside a single-page app) answers once.
    const marker = '__kithClipperListening';
    const scope = globalThis as Record<string, unknown>;
    if (scope[marker]) return;
    scope[marker] = true;
    // A listener answers by returning a promise (the WebExtension API's way); the types expect void.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isMessage(message, READ_PROFILE)) return Promise.resolve(parseProfile(document, location.href));
      return undefined;
    });
    const url = normalizeProfileUrl(location.href);
    if (url && (await loadPreferences()).autoCheck[url.site]) await browser.runtime.sendMessage({ type: AUTO_CHECK, url: url.canonical });
  },
});
