/**
 * How far the demo seed of a first `npm start` is. The seed runner reports into it and the server
 * reads it, so pages can say that demo data is being prepared instead of showing an empty register.
 * One object per server, passed to `startLocalTenant` (no process-wide state).
 */

/** Dossiers seeded so far out of the planned number; `total` is 0 until the plan is known. */
export interface SeedProgress {
  readonly done: number;
  readonly total: number;
}

/** The seed's state as the server sees it. */
export class SeedStatus {
  private running = false;
  private current: SeedProgress = { done: 0, total: 0 };

  /** The seed has started; pages show the preparing notice from now on. */
  begin(): void {
    this.running = true;
    this.current = { done: 0, total: 0 };
  }

  /** The seed runner's progress callback. */
  readonly report = (progress: SeedProgress): void => {
    this.current = { done: progress.done, total: progress.total };
  };

  /** The seed has ended (done, skipped or failed): pages are served normally again. */
  end(): void {
    this.running = false;
  }

  /** Whether pages should say that demo data is being prepared. */
  get preparing(): boolean {
    return this.running;
  }

  /** The last progress reported. */
  get progress(): SeedProgress {
    return this.current;
  }
}
