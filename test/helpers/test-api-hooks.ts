import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { startTestApi, type TestApi, type TestApiOptions } from './api';
import { closeTestDatabase, openTestDatabase, type Backend } from './databases';

/**
 * A stand-in for what a beforeAll hook opens: the test bodies read `api.url` or pass `db` on as if
 * it had been opened inline, and a read before the hook ran (or after afterAll) names what is missing.
 */
function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`${what}: expected it started by beforeAll, received a read of ${String(key)} outside the hooks`);
      const value = Reflect.get(target, key, target) as unknown;
      // Methods run on the real object: a database's private state is not on the stand-in.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A test API started before the enclosing describe block's tests and closed after them; `setup`
 * runs once it listens (guides, campaigns the block's tests share).
 */
export function useTestApi(options: TestApiOptions, setup?: (api: TestApi) => Promise<void>): TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi(options);
    await setup?.(api);
  });
  afterAll(async () => {
    await api?.close();
    api = undefined;
  });
  return lateBound('the test API', () => api);
}

/** A migrated test database opened before the block's tests and closed after them: several APIs with their own settings share it. */
export function useTestDatabase(backend: Backend, name: string): Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openTestDatabase(backend, name);
    await migrate(db);
  });
  afterAll(async () => {
    if (db) await closeTestDatabase(db);
    db = undefined;
  });
  return lateBound(`the test database ${name}`, () => db);
}

/** A test API of one test's own settings, closed however the test ends. */
export async function withTestApi<T>(options: TestApiOptions, run: (api: TestApi) => Promise<T>): Promise<T> {
  const api = await startTestApi(options);
  try {
    return await run(api);
  } finally {
    await api.close();
  }
}
