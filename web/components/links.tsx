import type { ComponentProps, MouseEvent } from 'react';
import { useHref, useLinkClickHandler, useMatch, useResolvedPath } from 'react-router';

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string };

/**
 * In-app links, made of react-router's link hooks the way its docs describe for custom links. Its own
 * <Link> and <NavLink> also carry framework-mode route-module prefetching, which this SPA cannot use
 * and which made up a fifth of the router code on the consent page.
 */
export function Link({ to, onClick, target, ...rest }: LinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { target });

  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (!event.defaultPrevented) navigate(event);
  }

  return <a {...rest} href={href} target={target} onClick={handleClick} />;
}

/** A Link marked `active` and aria-current="page" on its page and the pages below it. */
export function NavLink({ to, className = '', ...rest }: LinkProps) {
  const active = useMatch({ path: useResolvedPath(to).pathname, end: false }) !== null;
  return (
    <Link
      {...rest}
      to={to}
      className={[className, active ? 'active' : null].filter(Boolean).join(' ')}
      aria-current={active ? 'page' : undefined}
    />
  );
}
