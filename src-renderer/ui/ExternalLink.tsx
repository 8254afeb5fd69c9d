import type { MouseEvent, ReactNode } from 'react';
import { api, isDesktop } from '../api';
import { notify } from '../app/toast-store';
import { ExternalIcon } from './icons';

/**
 * A link that leaves the app. In the desktop app main opens it in the user's browser after
 * its allow-list check; in a browser it opens in a new tab without a referrer.
 */
export function ExternalLink(props: { href: string; children: ReactNode }) {
  const onClick = async (e: MouseEvent) => {
    if (!isDesktop) return;
    e.preventDefault();
    const reply = await api.app.openLink({ url: props.href });
    if (!reply.ok || !reply.value.opened) notify.error('This link cannot be opened', `${props.href} is not on the list of vendor sites Junction opens.`);
  };
  return (
    <a href={props.href} target="_blank" rel="noopener noreferrer" onClick={onClick}>
      {props.children}
      <ExternalIcon size={13} style={{ marginLeft: 4, verticalAlign: '-2px' }} />
    </a>
  );
}
