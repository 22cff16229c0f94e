/** The assign dialog's pure parts: order, search, the person chosen first. Unit-tested. */
import type { AgentStatus, Assignee } from './types';

const STATUS_RANK: Record<AgentStatus, number> = { on_shift: 0, away: 1, off: 2 };

/** As the server orders them: on shift first (then away, off), then the suggestion, the lightest load, by name. */
export function sortAssignees(items: readonly Assignee[]): Assignee[] {
  return [...items].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      Number(b.suggested) - Number(a.suggested) ||
      a.load - b.load ||
      a.openTickets - b.openTickets ||
      a.displayName.localeCompare(b.displayName, 'zh-CN'),
  );
}

/** People whose name, department or a skill contains the search text (case-insensitive). */
export function filterAssignees(items: readonly Assignee[], search: string): Assignee[] {
  const q = search.trim().toLowerCase();
  if (!q) return [...items];
  return items.filter((item) =>
    [item.displayName, item.departmentName ?? '', ...item.skills].some((text) => text.toLowerCase().includes(q)),
  );
}

/** Chosen when the dialog opens: the suggestion, unless it is already the ticket's assignee. */
export function initialChoice(items: readonly Assignee[], currentAssigneeId: string | null | undefined) {
  const suggested = items.find((item) => item.suggested);
  return suggested && suggested.userId !== currentAssigneeId ? suggested.userId : undefined;
}

/** The skills to show, the one the ticket asks for first (highlighted by the dialog). */
export function skillsFirst(skills: readonly string[], wanted: string | null): string[] {
  if (!wanted || !skills.includes(wanted)) return [...skills];
  return [wanted, ...skills.filter((s) => s !== wanted)];
}
