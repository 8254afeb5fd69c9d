import { create } from 'zustand';

interface NavState {
  /** Id of the screen shown, one of the routes in routes.tsx. */
  route: string;
  /** Optional parameters for that screen, e.g. { orderId } when opening one order. */
  params: Record<string, string>;
  go(route: string, params?: Record<string, string>): void;
}

/** Which screen is shown. Kept in memory: the URL fragment carries the web host's token. */
export const useNav = create<NavState>((set) => ({
  route: 'proposals',
  params: {},
  go: (route, params = {}) => set({ route, params }),
}));
