import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { hrefOf, navigate, type Route } from './route';

/** A real link (it opens in a new tab too) that opens the page in place when simply clicked. */
export function RouteLink({
  to,
  children,
  ...props
}: { to: Route; children: ReactNode } & AnchorProps & { 'aria-current'?: 'page' }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <Anchor href={hrefOf(to)} onClick={follow} {...props}>
      {children}
    </Anchor>
  );
}
