/**
 * A single, self-overwriting "files done / total" line on an interactive stderr.
 */

/** Minimum milliseconds between two redraws. */
const REDRAW_INTERVAL_MS = 80;

/** Progress line writer; create it only when stderr is a terminal. */
export class ProgressLine {
  private lastDraw = 0;
  private drawn = false;

  /**
   * @param write - Writes to stderr.
   * @param now - Clock (injectable for tests).
   */
  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Redraws the line (throttled; the final update always draws).
   * @param done - Files finished.
   * @param total - Files in the run.
   */
  update(done: number, total: number): void {
    const time = this.now();
    if (done < total && time - this.lastDraw < REDRAW_INTERVAL_MS) return;
    this.lastDraw = time;
    this.drawn = true;
    this.write(`\r\u001b[2Ktrustline: ${done}/${total} files`);
  }

  /** Erases the line so the report starts on a clean line. */
  clear(): void {
    if (this.drawn) this.write('\r\u001b[2K');
    this.drawn = false;
  }
}
