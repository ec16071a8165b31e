export const TEMPLATE_DATABASE = 'kith_test_template';

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** One database per vitest worker, so parallel files never share rows. */
export function workerDatabaseName(): string {
  return `kith_test_w${process.env.VITEST_POOL_ID ?? '0'}`;
}
