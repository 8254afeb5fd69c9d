import type { DraftView, HeaderPatch } from '../../../src-shared/ipc/orders';

/** "shipTo.city" + "Denver" → { shipTo: { city: "Denver" } }: the smallest header patch for one field. */
export function patchAt(path: string, value: string): HeaderPatch {
  const keys = path.split('.');
  let patch: Record<string, unknown> = { [keys[keys.length - 1]!]: value };
  for (let i = keys.length - 2; i >= 0; i--) patch = { [keys[i]!]: patch };
  return patch as HeaderPatch;
}

/** The draft's message for a header field, if it has one ("shipTo.addressLine1" is required…). */
export function issueFor(draft: DraftView, path: string): string | undefined {
  const issue = draft.headerIssues.find((i) => i.field === path || i.field === `header.${path}`);
  return issue?.message;
}
