import { routes, type RouteDef } from './routes';

/** The sidebar's order (work screens, then app screens); Ctrl/Cmd+1…9 follow it. */
export function navOrder(): RouteDef[] {
  return [...routes.filter((r) => r.group === 'work'), ...routes.filter((r) => r.group === 'app')];
}
