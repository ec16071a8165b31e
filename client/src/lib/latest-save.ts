/**
 * Sends one save at a time and always the newest value: two quick changes sent side by side can reach the
 * server in either order, and the older one landing last would undo the newer. Values chosen while a save is in
 * flight collapse into one follow-up save of the last of them.
 */
export function latestSave<T>(save: (value: T) => Promise<unknown>): (value: T) => Promise<void> {
  let inFlight = false;
  let waiting: { value: T } | undefined;
  return async (value: T) => {
    waiting = { value };
    if (inFlight) return;
    inFlight = true;
    try {
      while (waiting) {
        const next = waiting.value;
        waiting = undefined;
        await save(next);
      }
    } finally {
      inFlight = false;
    }
  };
}
