/**
 * Keyboard model of an editable combobox with list autocomplete and manual selection, as in the
 * WAI-ARIA Authoring Practices ("list autocomplete" example).
 *
 * DOM focus never leaves the input. The "active" option is virtual: the host renders
 * `aria-activedescendant` = `activeId` and `aria-selected="true"` on that option only. Nothing
 * here navigates or changes context; only `accept` (Enter on an active option) hands a choice back
 * to the host. Native text editing (Home/End, Left/Right, Backspace, characters) is never
 * prevented: those keys only deactivate the option, so the caret is the visual focus again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ComboboxCallbacks {
  /** Enter on the active option at `index`. The popup is already closed. */
  accept(index: number): void;
  /** Escape while the popup is closed: the APG clears the text. */
  clear(): void;
  /** Whether the text field is empty (Escape then has nothing to clear). */
  isEmpty(): boolean;
}

/** Keys that edit text or move the caret: they hand visual focus back to the text. */
const EDITING_KEYS = new Set(['Home', 'End', 'ArrowLeft', 'ArrowRight', 'Backspace', 'Delete']);

export class ComboboxController implements ReactiveController {
  /** Whether the popup is shown. */
  open = false;
  /** Index of the active option, or -1. */
  activeIndex = -1;
  private count = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: ComboboxCallbacks,
    /** Prefix of the option ids; unique within the host's shadow root. */
    private readonly idPrefix = 'option-',
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Number of options currently rendered. */
  get size(): number {
    return this.count;
  }

  optionId(index: number): string {
    return `${this.idPrefix}${index}`;
  }

  /** The id for `aria-activedescendant`: only while the popup is open and an option is active. */
  get activeId(): string | undefined {
    return this.open && this.activeIndex >= 0 ? this.optionId(this.activeIndex) : undefined;
  }

  /**
   * A new set of options, e.g. for new text. The active option is reset: its index-based id
   * would now point at a different option.
   */
  setOptions(count: number, open: boolean): void {
    this.count = count;
    this.activeIndex = -1;
    this.open = open && count > 0;
    this.host.requestUpdate();
  }

  close(): void {
    if (!this.open && this.activeIndex === -1) return;
    this.open = false;
    this.activeIndex = -1;
    this.host.requestUpdate();
  }

  /** Activates the option at `index` (pointer hover uses CSS only; this is for keys and tests). */
  activate(index: number): void {
    if (this.count === 0) return;
    this.open = true;
    this.activeIndex = ((index % this.count) + this.count) % this.count;
    this.host.requestUpdate();
  }

  /** Handles a keydown on the input. Returns true if the key was consumed. */
  keydown(event: KeyboardEvent): boolean {
    // An IME (or a dead key) is composing text: Enter confirms the composition, arrows pick a
    // candidate. None of it is meant for us (keyCode 229 is Chrome's "composition" marker).
    if (event.isComposing || event.keyCode === 229) return false;
    if (event.ctrlKey || event.metaKey) return false;

    switch (event.key) {
      case 'ArrowDown':
        if (this.count === 0) return false;
        event.preventDefault();
        if (event.altKey) {
          // Alt+Down opens the popup without activating an option.
          this.open = true;
          this.host.requestUpdate();
        } else {
          this.activate(this.open ? this.activeIndex + 1 : 0);
        }
        return true;
      case 'ArrowUp':
        if (this.count === 0 || (event.altKey && !this.open)) return false;
        event.preventDefault();
        if (event.altKey) this.close();
        else this.activate(this.open && this.activeIndex >= 0 ? this.activeIndex - 1 : -1);
        return true;
      case 'Enter': {
        if (event.altKey || event.shiftKey) return false;
        const index = this.open ? this.activeIndex : -1;
        this.close();
        if (index < 0) return false; // No active option: the form submits as usual.
        event.preventDefault();
        this.callbacks.accept(index);
        return true;
      }
      case 'Escape':
        // Chrome clears type=search natively on Escape, Firefox does not: always decide here.
        if (this.open) {
          event.preventDefault();
          this.close();
          return true;
        }
        if (this.callbacks.isEmpty()) return false;
        event.preventDefault();
        this.callbacks.clear();
        return true;
      case 'Tab':
        // Focus moves on (no trap); the host closes the popup on blur, without choosing. Not
        // here: removing aria-activedescendant before focus has moved makes JAWS read the
        // previous field (ariatemplates PR #1810).
        return false;
      default:
        if (EDITING_KEYS.has(event.key) || event.key.length === 1) {
          if (this.activeIndex >= 0) {
            this.activeIndex = -1;
            this.host.requestUpdate();
          }
        }
        return false;
    }
  }
}
