import { textOf, type Text } from '../../lib/i18n/i18n';

/** An error message for the user, announced by screen readers; nothing when there is none. */
export function ErrorText({ error, id }: { error: Text | null | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p class="ll-error" role="alert" id={id}>
      {textOf(error)}
    </p>
  );
}
