/**
 * Starts an async task from an event handler or effect. The task handles and shows its own failures;
 * `onUnexpected` receives whatever still escapes so it is shown instead of lost.
 */
export function runAsync(task: Promise<unknown>, onUnexpected: (error: unknown) => void): void {
  task.then(undefined, onUnexpected);
}
