import type { ComponentPropsWithRef, MouseEvent } from 'react';
import { navigate } from './navigation';

type LinkProps = Omit<ComponentPropsWithRef<'a'>, 'href'> & { to: string };

/** An ordinary link that navigates in the page; a middle click or ctrl-click still opens a new tab. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}
