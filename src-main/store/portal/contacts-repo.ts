import { ContactSchema, type Contact } from '../../../src-shared/ipc/contacts';
import type { Db } from '../database';

/** Cached Portal contacts and their locations. */
export class ContactsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Replaces the cached contacts with this complete list, in one transaction. A contact or
   * location listed twice (paging while Portal changes can do that) is stored once, the last one winning.
   */
  replaceAll(contacts: Contact[], syncedAt: string): void {
    const insContact = this.db.prepare(
      `INSERT INTO portal_contacts (id, name, search_text, json, synced_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, search_text = excluded.search_text, json = excluded.json, synced_at = excluded.synced_at`,
    );
    const insLocation = this.db.prepare(
      `INSERT INTO portal_contact_locations (id, contact_id, json) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET contact_id = excluded.contact_id, json = excluded.json`,
    );
    this.db.transaction(() => {
      this.db.exec('DELETE FROM portal_contact_locations; DELETE FROM portal_contacts;');
      for (const c of contacts) {
        const { locations, ...person } = c;
        const search = [c.name, c.companyName, c.email, c.phone, ...locations.flatMap((l) => [l.street, l.city, l.postalCode])].join(' ').toLowerCase();
        insContact.run(c.id, c.name, search, JSON.stringify(person), syncedAt);
        for (const l of locations) insLocation.run(l.id, c.id, JSON.stringify(l));
      }
    })();
  }

  search(text: string, limit: number): { items: Contact[]; total: number } {
    const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    const where = words.map((_, i) => `search_text LIKE @w${i} ESCAPE '\\'`).join(' AND ');
    const params = Object.fromEntries(words.map((w, i) => [`w${i}`, `%${w.replace(/[\\%_]/g, (c) => '\\' + c)}%`]));
    const clause = where ? `WHERE ${where}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM portal_contacts ${clause}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT id, json FROM portal_contacts ${clause} ORDER BY name COLLATE NOCASE, id LIMIT @limit`).all({ ...params, limit }) as {
      id: number;
      json: string;
    }[];
    const locs = this.db.prepare('SELECT json FROM portal_contact_locations WHERE contact_id = ? ORDER BY id');
    const items = rows.map((r) =>
      ContactSchema.parse({ ...JSON.parse(r.json), locations: (locs.all(r.id) as { json: string }[]).map((l) => JSON.parse(l.json)) }),
    );
    return { items, total };
  }
}
