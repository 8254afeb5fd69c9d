import type { ComponentType } from 'react';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { CatalogIcon, OrdersIcon, ProposalsIcon, SettingsIcon } from '../ui/icons';
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { ProposalsScreen } from '../features/proposals/ProposalsScreen';
import { CatalogScreen } from '../features/catalog/CatalogScreen';
import { ContactsScreen } from '../features/contacts/ContactsScreen';
import { ContactsIcon } from '../features/contacts/ContactsIcon';
import { SrsIcon, SrsScreen } from '../features/srs/SrsScreen';

export interface RouteDef {
  id: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  screen: ComponentType;
  /** "work" screens sit at the top of the sidebar, "app" ones (Settings) at the bottom. */
  group: 'work' | 'app';
}

/** The sidebar, in order. A feature adds its screen here (or replaces its placeholder) in one line. */
export const routes: RouteDef[] = [
  { id: 'proposals', label: 'Proposals', icon: ProposalsIcon, screen: ProposalsScreen, group: 'work' },
  { id: 'catalog', label: 'Catalog', icon: CatalogIcon, screen: CatalogScreen, group: 'work' },
  { id: 'contacts', label: 'Contacts', icon: ContactsIcon, screen: ContactsScreen, group: 'work' },
  { id: 'srs', label: 'SRS', icon: SrsIcon, screen: SrsScreen, group: 'work' },
  { id: 'orders', label: 'Orders', icon: OrdersIcon, screen: OrdersScreen, group: 'work' },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, screen: SettingsScreen, group: 'app' },
];
