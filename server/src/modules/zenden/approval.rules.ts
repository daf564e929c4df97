// Approval in Zenden (PRODUCT.md Z4): how many people approve a post before it may go out, per account.
export const APPROVAL_LEVELS = ['geen', 'een', 'twee'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

const PEOPLE: Record<ApprovalLevel, number> = { geen: 0, een: 1, twee: 2 };

// A post on several accounts needs what its strictest account needs.
export function countRequiredApprovals(levels: readonly ApprovalLevel[]): number {
  return Math.max(0, ...levels.map((level) => PEOPLE[level]));
}

// Whether one more approval of this version makes the post ready to go out: the approvals of other people on this
// very version, the new one included. The author's own approval never counts (four eyes).
export function isApprovedEnough(required: number, approversOfVersion: readonly string[], authorId: string | null): boolean {
  const others = new Set(approversOfVersion.filter((userId) => userId !== authorId));
  return others.size >= required;
}
