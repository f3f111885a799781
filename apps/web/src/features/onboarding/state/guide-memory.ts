/**
 * Whether a user closed the first-trade guide, kept in this browser per user id so one
 * person's choice does not hide the guide from another account on a shared computer.
 */
const keyOf = (userId: string | number) => `cryptosim.firstTradeGuide.${userId}`;

export function isGuideDismissed(storage: Storage | undefined, userId: string | number): boolean {
  try {
    return storage?.getItem(keyOf(userId)) === 'dismissed';
  } catch {
    return false;
  }
}

export function rememberGuideDismissed(storage: Storage | undefined, userId: string | number): void {
  try {
    storage?.setItem(keyOf(userId), 'dismissed');
  } catch {
    // Private browsing or a full quota: the guide stays closed for this page's life.
  }
}
