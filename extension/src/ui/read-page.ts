// Asks the tab's content script to read the profile (only now, with the popup open).
import { browser } from 'wxt/browser';
import { READ_PROFILE } from '../matches.js';
import type { ParseResult } from '../parsers/types.js';

/** The tab named by ?tab= (the side panel and tests), else the active tab of the current window. */
export async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function readProfile(tabId: number): Promise<ParseResult> {
  const ask = () => browser.tabs.sendMessage<unknown, ParseResult>(tabId, { type: READ_PROFILE });
  try {
    return await ask();
  } catch {
    // Reached inside a single-page app (LinkedIn's feed → a profile), the page never loaded the script:
    // the click that opened the popup grants this tab (activeTab), so inject it now and ask again.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/profile.js'] });
      return await ask();
    } catch {
      return { kind: 'not-profile', reason: 'Open a LinkedIn, Upwork or Djinni profile, then open Kith Clipper again.' };
    }
  }
}
