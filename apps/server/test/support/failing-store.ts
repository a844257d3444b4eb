import type { ObjectStore } from '@vitrine/api';
import type { TestApp } from './test-app.ts';

/**
 * Makes the running app's store refuse every delete until the returned
 * function is called, the way R2 does when it is down. The app shares one
 * context between requests, so real HTTP calls see the failing store.
 */
export function failDeletes(test: TestApp): () => void {
  const context = test.app.context;
  const working: ObjectStore = context.store;
  context.store = {
    ...working,
    delete: async () => {
      throw new Error('503 Service Unavailable (simulated outage)');
    },
  };

  return () => {
    context.store = working;
  };
}
