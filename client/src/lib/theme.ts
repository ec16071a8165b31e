// Theme and font apply to <html> at once; a copy in localStorage paints the next load before the API answers.
export interface DisplayPreferences {
  theme: 'LIGHT' | 'DARK' | 'SYSTEM';
  fontFamily: string;
  fontSize: number;
}

const KEY = 'kith.display';

export function applyDisplay(preferences: DisplayPreferences) {
  const root = document.documentElement;
  root.dataset.theme = preferences.theme.toLowerCase();
  root.dataset.font = preferences.fontFamily;
  root.style.fontSize = `${preferences.fontSize}px`;
  try {
    localStorage.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // Nothing to keep in private mode.
  }
}

export function applyStoredDisplay() {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored) applyDisplay(JSON.parse(stored) as DisplayPreferences);
  } catch {
    // A damaged copy is ignored; the API's preferences replace it.
  }
}
