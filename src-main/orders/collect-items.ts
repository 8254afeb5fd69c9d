import { AppError } from '../../src-shared/domain/result';
import type { ChangeOrderDetails, ProposalArea, ProposalDetails, ProposalItem, SourceOrigin } from './types';

/** An item of an accepted option that may become (part of) a supply line. */
export interface CollectedItem {
  item: ProposalItem;
  origin: SourceOrigin;
  originLabel: string;
  areaName: string;
  optionName: string;
  /** Other items of the same option name it as their parentId. */
  isKitParent: boolean;
}

export interface CollectedItems {
  items: CollectedItem[];
  includedChangeOrders: { id: string; number: string; name: string }[];
  excludedChangeOrders: { id: string; number: string; name: string }[];
}

function collectAreas(areas: readonly ProposalArea[], origin: SourceOrigin, originLabel: string, out: CollectedItem[]): void {
  for (const area of areas) {
    for (const option of area.options) {
      // Only the accepted option of an area is bought; draft and declined ones come back too.
      if (option.status !== 'Accepted') continue;
      const parents = new Set(option.items.map((i) => i.parentId).filter((p): p is string => p !== null && p !== ''));
      for (const item of option.items) {
        if (item.itemType === 'Labor') continue;
        out.push({ item, origin, originLabel, areaName: area.name, optionName: option.name, isKitParent: parents.has(item.id) });
      }
    }
  }
}

/**
 * The part and custom items of accepted options of the proposal and of its included
 * change orders, labor left out. Refuses duplicated item ids: every line traces back to
 * its items by id, so an id must name exactly one item.
 */
export function collectItems(proposal: ProposalDetails, changeOrders: readonly ChangeOrderDetails[], include: boolean, excludedIds: readonly string[]): CollectedItems {
  const items: CollectedItem[] = [];
  collectAreas(proposal.areas, { kind: 'proposal' }, 'proposal', items);
  const excluded = new Set(excludedIds);
  const includedChangeOrders: CollectedItems['includedChangeOrders'] = [];
  const excludedChangeOrders: CollectedItems['excludedChangeOrders'] = [];
  for (const co of changeOrders) {
    const summary = { id: co.id, number: co.number, name: co.name };
    if (!include || excluded.has(co.id)) {
      excludedChangeOrders.push(summary);
      continue;
    }
    includedChangeOrders.push(summary);
    collectAreas(co.areas, { kind: 'change-order', ...summary }, `change order #${co.number}`, items);
  }
  const seen = new Map<string, string>();
  for (const c of items) {
    const where = `${c.originLabel}, area "${c.areaName}"`;
    const before = seen.get(c.item.id);
    if (before !== undefined) {
      throw new AppError('VALIDATION', `Proposal ${proposal.number}: item id ${c.item.id} appears twice (${before} and ${where}); each item must have its own id.`);
    }
    if (!Number.isFinite(c.item.quantity) || c.item.quantity < 0) {
      throw new AppError('VALIDATION', `Proposal ${proposal.number}: item ${c.item.id} (${where}) has an invalid quantity ${c.item.quantity}.`);
    }
    seen.set(c.item.id, where);
  }
  return { items, includedChangeOrders, excludedChangeOrders };
}
