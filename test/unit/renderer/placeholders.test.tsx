import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNav } from '../../../src-renderer/app/nav-store';
import { OrdersPlaceholder } from '../../../src-renderer/app/placeholder-screens';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  useNav.setState({ route: 'orders', params: {} });
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);

describe('the Orders screen before its feature lands', () => {
  it('Orders: open an accepted proposal and click Create order; the button goes there', () => {
    act(() => root.render(<OrdersPlaceholder />));
    expect(host.querySelector('h1')?.textContent).toBe('Orders');
    expect(host.textContent).toContain('No orders yet. Open an accepted proposal and click Create order.');
    act(() => button('Go to Proposals')!.click());
    expect(useNav.getState().route).toBe('proposals');
  });
});
