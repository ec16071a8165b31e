// The pages the content script runs on: the three sites' profile URLs only.
export const PROFILE_MATCHES = [
  '*://*.linkedin.com/in/*',
  '*://*.upwork.com/freelancers/*',
  '*://*.upwork.com/*/freelancers/*',
  '*://*.upwork.com/o/profiles/users/*',
  '*://djinni.co/q/*',
  '*://djinni.co/r/*',
  '*://djinni.co/*/q/*',
  '*://djinni.co/*/r/*',
];

export const READ_PROFILE = 'kith-clipper/read-profile';
export const AUTO_CHECK = 'kith-clipper/auto-check';

export const isMessage = (message: unknown, type: string): message is { type: string; url?: string } =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
