/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/contacts';
}
