import { describe, expect, it } from 'vitest';
import { availableIndexedDb, createIdbPersistence } from './persist-idb';

describe('IndexedDB availability', () => {
  it('reading window.indexedDB may throw: then there is no persistence, and no crash', () => {
    const scope = {
      get indexedDB(): IDBFactory {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(availableIndexedDb(scope)).toBeUndefined();
    expect(createIdbPersistence(availableIndexedDb(scope))).toBeNull();
    expect(availableIndexedDb({})).toBeUndefined();
  });
});
