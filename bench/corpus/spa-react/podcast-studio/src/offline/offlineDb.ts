import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Offline recording support: takes recorded while offline are queued in IndexedDB and
 * uploaded by the service worker (background sync) when the connection comes back.
 */

interface StudioDB extends DBSchema {
  takes: {
    key: string;
    value: { id: string; episodeId: string; blob: Blob; durationSec: number; createdAt: number };
    indexes: { byEpisode: string };
  };
  uploadAuth: {
    key: 'current';
    value: { accessToken: string; hostId: string; savedAt: number };
  };
  drafts: {
    key: string;
    value: { episodeId: string; showNotes: string; updatedAt: number };
  };
}

let dbPromise: Promise<IDBPDatabase<StudioDB>> | null = null;

export function studioDb() {
  dbPromise ??= openDB<StudioDB>('podcast-studio', 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const takes = db.createObjectStore('takes', { keyPath: 'id' });
        takes.createIndex('byEpisode', 'episodeId');
        db.createObjectStore('drafts', { keyPath: 'episodeId' });
      }
      if (oldVersion < 2) db.createObjectStore('uploadAuth');
    },
  });
  return dbPromise;
}

export async function queueTake(episodeId: string, blob: Blob, durationSec: number) {
  const db = await studioDb();
  const id = crypto.randomUUID();
  await db.put('takes', { id, episodeId, blob, durationSec, createdAt: Date.now() });
  return id;
}

export async function saveDraft(episodeId: string, showNotes: string) {
  const db = await studioDb();
  await db.put('drafts', { episodeId, showNotes, updatedAt: Date.now() }); // ok: token.storage
}

/** The service worker has no access to the page's memory, so hand it the token through IndexedDB. */
export async function shareAuthWithServiceWorker(accessToken: string, hostId: string) {
  const db = await studioDb();
  await db.put('uploadAuth', { accessToken, hostId, savedAt: Date.now() }, 'current'); // expect: token.storage
  const reg = await navigator.serviceWorker.ready;
  await (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register('upload-takes');
}

export async function pendingTakes(episodeId?: string) {
  const db = await studioDb();
  return episodeId ? db.getAllFromIndex('takes', 'byEpisode', episodeId) : db.getAll('takes');
}

/** v1 of the app kept the upload key in its own database; move it over once and drop the old one. */
export function migrateLegacyUploadKey(hostId: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.open('studio-legacy', 1);
    req.onsuccess = () => {
      const legacy = req.result;
      if (!legacy.objectStoreNames.contains('keys')) return resolve();
      const tx = legacy.transaction('keys', 'readonly');
      const get = tx.objectStore('keys').get('uploadKey');
      get.onsuccess = async () => {
        if (get.result) await shareAuthWithServiceWorker(get.result as string, hostId);
        legacy.close();
        indexedDB.deleteDatabase('studio-legacy');
        resolve();
      };
      get.onerror = () => resolve();
    };
    req.onerror = () => resolve();
  });
}
