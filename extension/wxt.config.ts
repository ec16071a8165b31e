// Kith Clipper, built with WXT 0.20 (runs on Node 20) and Solid. `npm run extension:build` writes
// extension/.output/: chrome-mv3/ (unpacked), a Chrome Web Store zip, and a Firefox (MV3) zip.
import { defineConfig } from 'wxt';

// Test builds only: hosts granted up front (the browser test's loopback Kith server), since a headless
// browser cannot click the permission prompt the options page raises for each server's origin.
const testHosts = (process.env.KITH_CLIPPER_TEST_HOSTS ?? '').split(',').filter(Boolean);

export default defineConfig({
  modules: ['@wxt-dev/module-solid'],
  imports: false,
  outDir: process.env.KITH_CLIPPER_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Kith Clipper',
    description: 'Save LinkedIn, Upwork and Djinni profiles into your Kith CRM; see who is already there.',
    version: '0.1.0',
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    host_permissions: testHosts,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Kith Clipper' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Profiles go only to the person's own Kith server, when they click; declared as Firefox asks.
            gecko: {
              id: 'clipper@kith.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
            },
          },
        }
      : {}),
  }),
});
