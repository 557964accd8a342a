/** A staff page's error (styled by staff-base.css), announced to screen readers; nothing when there is none. */
export function ErrorAlert({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}
