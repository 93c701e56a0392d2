import type { Signal } from '@preact/signals';
import type { Text } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

/** Runs a user action with a busy flag, turning a failure into a message in the UI's language. */
export async function runBusy(busy: Signal<boolean>, error: Signal<Text | null>, action: () => Promise<void>): Promise<boolean> {
  busy.value = true;
  error.value = null;
  try {
    await action();
    return true;
  } catch (failure) {
    error.value = problemText(failure);
    return false;
  } finally {
    busy.value = false;
  }
}
