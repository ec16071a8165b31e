// Creates migrations with Prisma's WASM schema engine over an in-memory PGlite,
// because the native engine cannot be downloaded on machines without internet.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { pgliteOptions } from './database.js';
import { MIGRATIONS_DIR, readMigrations } from './migrations.js';

export const SCHEMA_PATH = join(MIGRATIONS_DIR, '..', 'schema.prisma');

type WasmBindings = Record<string, unknown> & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] },
      log: (message: string) => void,
      adapterFactory: unknown,
    ) => Promise<{ diff(params: unknown): Promise<unknown>; free(): void }>;
  };
};

async function loadEngineBindings(): Promise<WasmBindings> {
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = (await import(bindingsPath)) as WasmBindings;
  const module = await WebAssembly.compile(await readFile(join(dirname(bindingsPath), 'schema_engine_bg.wasm')));
  const imports: Record<string, Record<string, unknown>> = {};
  for (const entry of WebAssembly.Module.imports(module)) {
    let value = bindings[entry.name];
    // The engine arms a long timer it never clears; unref it so the process can exit.
    if (entry.name.startsWith('__wbg_setTimeout_') && typeof value === 'function') {
      const original = value as (...args: unknown[]) => { unref?: () => void };
      value = (...args: unknown[]) => {
        const timer = original(...args);
        timer?.unref?.();
        return timer;
      };
    }
    (imports[entry.module] ??= {})[entry.name] = value;
  }
  const instance = await WebAssembly.instantiate(module, imports as WebAssembly.Imports);
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bindings;
}

/** Returns the SQL that brings the committed migrations up to the current schema.prisma ('' when none). */
export async function diffSchemaAgainstMigrations(): Promise<string> {
  const bindings = await loadEngineBindings();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const pglite = new PGlite(pgliteOptions);
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const factory = new PrismaPGlite(pglite);
  const tracked = {
    ...factory,
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    // The adapter's own shadow database has no extensions; the migrations need pg_trgm and unaccent.
    connectToShadowDb: async () => remember(await new PrismaPGlite(new PGlite(pgliteOptions)).connect()),
  };
  function remember<T extends { dispose(): Promise<void> }>(adapter: T): T {
    opened.push(adapter);
    return adapter;
  }
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(tracked as never),
  );
  try {
    const migrations = await readMigrations();
    const result = (await engine.diff({
      from: {
        tag: 'migrations',
        baseDir: relative(process.cwd(), MIGRATIONS_DIR),
        lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
        shadowDbInitScript: '',
        migrationDirectories: migrations.map((m) => ({
          path: m.name,
          migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
        })),
      },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    })) as { stdout?: string };
    return (result.stdout ?? '').trim();
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => undefined)));
    await pglite.close();
  }
}
