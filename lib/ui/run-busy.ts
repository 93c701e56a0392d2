import type { Signal } from '@preact/signals';

/** Runs a user action with a busy flag, turning a failure into a readable error message. */
export async function runBusy(busy: Signal<boolean>, error: Signal<string | null>, action: () => Promise<void>): Promise<boolean> {
  busy.value = true;
  error.value = null;
  try {
    await action();
    return true;
  } catch (failure) {
    error.value = (failure as Error).message;
    return false;
  } finally {
    busy.value = false;
  }
}
