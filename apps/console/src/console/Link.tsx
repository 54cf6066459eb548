/** An in-console link: a real `<a href>` (middle-click, copy link) that navigates without a reload. */
import type { ReactNode } from 'react';
import { navigate, routePath } from './router.js';
import type { Route } from './router.js';

export function Link(props: { to: Route; children: ReactNode; className?: string; current?: boolean }) {
  return (
    <a
      href={routePath(props.to)}
      className={props.className}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
