import type { ReactNode } from 'react';

/** A titled block of the case page. */
export function Panel({
  title,
  aside,
  testId,
  className,
  children,
}: {
  title: string;
  aside?: ReactNode;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `panel ${className}` : 'panel'} data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {aside}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
