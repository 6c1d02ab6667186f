/**
 * Screen-reader announcements through live regions that the host renders from the first paint
 * (a region injected together with its text is often not read).
 *
 * - Double buffering: each politeness has two regions, A and B, written alternately, so the same
 *   text twice in a row is read twice (GOV.UK accessible-autocomplete `status.js`).
 * - Debounce: counts wait until typing pauses (`delay`, ~1 s); a new message replaces a pending
 *   one, so a fast typist hears only the last count instead of being interrupted per key.
 * - "No results" and errors pass `delay: 0` and are written at once.
 * - `canSpeak` is asked when the text is written: nothing is said once focus has left the widget.
 * - With `useDocumentRegions`, messages go to shared regions in the page's document instead (for
 *   screen readers that miss live regions inside shadow roots).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { documentLiveRegions } from './document-live-regions.js';

export type Politeness = 'polite' | 'assertive';

export interface AnnounceOptions {
  politeness?: Politeness;
  /** Milliseconds to wait; 0 writes immediately. Default: the controller's `delay`. */
  delay?: number;
}

export interface AnnouncerOptions {
  /** Debounce for polite messages such as result counts (default 1000 ms). */
  delay?: number;
  /** Checked when a message is due; return false to drop it (e.g. focus has left the widget). */
  canSpeak?: () => boolean;
  /**
   * Speak through the page's document-level regions instead of the host's own (asked for every
   * message, so the host can switch at any time).
   */
  useDocumentRegions?: () => boolean;
  /** Timer functions, replaceable in tests. */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class AnnouncerController implements ReactiveController {
  /** The text of each region, for the host to render: `[A, B]` per politeness. */
  readonly regions: Record<Politeness, [string, string]> = {
    polite: ['', ''],
    assertive: ['', ''],
  };
  readonly delay: number;
  private readonly canSpeak: () => boolean;
  private readonly useDocumentRegions: () => boolean;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private next: Record<Politeness, 0 | 1> = { polite: 0, assertive: 0 };
  private pending: unknown;
  private pendingText?: string;
  private lastText?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: AnnouncerOptions = {},
  ) {
    this.delay = options.delay ?? 1000;
    this.canSpeak = options.canSpeak ?? (() => true);
    this.useDocumentRegions = options.useDocumentRegions ?? (() => false);
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer =
      options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    host.addController(this);
  }

  hostConnected(): void {
    // The regions must exist before the first message to be read.
    if (this.useDocumentRegions()) documentLiveRegions();
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Says `message` after the delay, replacing anything still pending. */
  announce(message: string, options: AnnounceOptions = {}): void {
    const politeness = options.politeness ?? 'polite';
    const delay = options.delay ?? this.delay;
    this.cancel();
    if (delay <= 0) {
      this.write(message, politeness);
    } else {
      this.pendingText = message;
      this.pending = this.setTimer(() => {
        this.pending = undefined;
        this.pendingText = undefined;
        this.write(message, politeness);
      }, delay);
    }
  }

  /** Drops a pending message; what was already said stays in its region. */
  cancel(): void {
    if (this.pending === undefined) return;
    this.clearTimer(this.pending);
    this.pending = undefined;
    this.pendingText = undefined;
  }

  /** Drops a pending message and empties every region (e.g. the text was cleared). */
  clear(): void {
    this.cancel();
    this.lastText = undefined;
    if (this.useDocumentRegions()) documentLiveRegions().clear();
    const { polite, assertive } = this.regions;
    if (polite.join('') || assertive.join('')) {
      polite.fill('');
      assertive.fill('');
      this.host.requestUpdate();
    }
  }

  /** The message waiting for its delay, if any. */
  get pendingMessage(): string | undefined {
    return this.pendingText;
  }

  /** The last message written (until `clear`), so a host can avoid saying a state twice. */
  get lastMessage(): string | undefined {
    return this.lastText;
  }

  private write(message: string, politeness: Politeness): void {
    if (!this.canSpeak()) return;
    this.lastText = message;
    if (this.useDocumentRegions()) {
      documentLiveRegions().write(message, politeness);
      return;
    }
    const slot = this.next[politeness];
    // Only one region holds text at a time: the old text must not be re-read with the new one.
    this.regions.polite.fill('');
    this.regions.assertive.fill('');
    this.regions[politeness][slot] = message;
    this.next[politeness] = slot === 0 ? 1 : 0;
    this.host.requestUpdate();
  }
}
