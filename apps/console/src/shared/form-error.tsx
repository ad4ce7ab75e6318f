/** A failed request's words under a form or a list, read out as an alert; nothing while there is none. */
export function FormError({
  message,
  className,
  testId,
}: {
  message: string | null | undefined;
  className?: string;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <p className={className ? `form-error ${className}` : 'form-error'} role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
