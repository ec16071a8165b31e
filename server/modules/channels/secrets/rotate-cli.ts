// `npm run channels:rotate-keys`: re-seals stored mail and phone credentials under the first key.
import { loadConfig } from '../../../config.js';
import { openDatabase } from '../../../db/database.js';
import { resealCredentials } from './rotate-keys.js';

const config = loadConfig();
if (config.channels.secretKeys.length === 0) {
  console.error('CHANNELS_SECRET_KEYS is not set: there is nothing to rotate to.');
  process.exit(1);
}
const db = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir });
try {
  const { resealed } = await resealCredentials(db.prisma, config.channels.secretKeys);
  console.log(`Re-sealed ${resealed} credential(s) under key "${config.channels.secretKeys[0]!.id}".`);
} finally {
  await db.close();
}
