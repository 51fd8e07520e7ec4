/**
 * A very small IndexedDB wrapper: one database, two stores. `outbox` holds entries not yet sent;
 * `cache` holds the last answers of a few reference queries (code lists, services, sites, session),
 * so the app opens and the forms work without a network.
 */
const DB_NAME = 'silta';
const DB_VERSION = 1;
export type StoreName = 'outbox' | 'cache';

let opened: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('cache')) db.createObjectStore('cache');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opened = null;
      reject(request.error ?? new Error('IndexedDB could not be opened.'));
    };
  });
  return opened;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed.'));
  });
}

async function store(name: StoreName, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  const db = await openDb();
  return db.transaction(name, mode).objectStore(name);
}

export async function idbGet<T>(name: StoreName, key: string): Promise<T | undefined> {
  return (await done((await store(name, 'readonly')).get(key))) as T | undefined;
}

export async function idbGetAll<T>(name: StoreName): Promise<T[]> {
  return (await done((await store(name, 'readonly')).getAll())) as T[];
}

export async function idbPut(name: StoreName, value: unknown, key?: string): Promise<void> {
  await done((await store(name, 'readwrite')).put(value, key));
}

export async function idbDelete(name: StoreName, key: string): Promise<void> {
  await done((await store(name, 'readwrite')).delete(key));
}

export async function idbClear(name: StoreName): Promise<void> {
  await done((await store(name, 'readwrite')).clear());
}
