/** Runs one account's expensive requests one after another in this process, so parallel requests from one account take no bigger share of the server than one does. */

const tails = new Map<string, Promise<unknown>>();

/**
 * Waits for the account's expensive request already running here (if any) to finish, then runs `work`. A queue per
 * server process: the event loop is shared per process, and budgets are counted in the database before a request
 * joins the queue, so at most an account's remaining budget can be waiting.
 */
export async function oneAtATime<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(userId) ?? Promise.resolve();
  const mine = before.then(work);
  const tail = mine.catch(() => undefined);
  tails.set(userId, tail);
  try {
    return await mine;
  } finally {
    if (tails.get(userId) === tail) tails.delete(userId);
  }
}

/** How many accounts have expensive requests running or waiting here (for tests). */
export const accountsQueued = (): number => tails.size;
