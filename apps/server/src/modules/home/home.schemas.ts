import { z } from 'zod';

/** A calendar month of the business time zone: its first and last day (YYYY-MM-DD, inclusive). */
const MonthSchema = z.object({ from: z.iso.date(), to: z.iso.date() });

const Count = z.number().int();

const IntakeTotalsSchema = z
  .object({
    /** Complaints created in the month. */
    received: Count,
    /** Complaints closed in the month. */
    closed: Count,
    /** Complaints created in the month and still open now. */
    open: Count,
    /** Complaints created in the month and overdue (docs/home.md). */
    overdue: Count,
    /** Complaints created in the month marked major. */
    major: Count,
  })
  .meta({ id: 'HomeIntakeTotals' });

export const HomeAgentSchema = z.object({
  /** My open tickets (received, classified, investigating). */
  myOpen: Count,
  /** My open tickets whose next reply is past or whose time limit is breached. */
  overdue: Count,
  /** My open tickets, not overdue, due (next reply or time limit) before the end of today. */
  dueToday: Count,
  /** My callbacks due today (or earlier, still pending); null without callbacks.work (the web hides it). */
  callbacksToday: Count.nullable(),
});

export const HomeAgentLoadSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  status: z.enum(['on_shift', 'away', 'off']),
  /** Open tickets assigned to the person. */
  openTickets: Count,
  /** The same tickets weighted by priority (urgent 4, high 2, normal 1, low 0.5). */
  load: z.number(),
  /** Of them, overdue; null when not known. */
  overdue: Count.nullable(),
});

export const HomeSupervisorSchema = z.object({
  /** Open tickets in my scope nobody is assigned to. */
  unassigned: Count,
  /** Open tickets of my team (its people and its unassigned tickets) that are overdue. */
  overdue: Count,
  /** Open tickets of my team, not overdue, due within the next hour. */
  dueWithinHour: Count,
  /** The people of my scope who work on tickets, on shift first, then by load. */
  agents: z.array(HomeAgentLoadSchema),
});

export const HomeManagerSchema = z.object({
  /** This calendar month (business time zone), up to its last day. */
  month: MonthSchema,
  /** The previous calendar month. */
  previous: MonthSchema,
  current: IntakeTotalsSchema,
  last: IntakeTotalsSchema,
  /** The weighted SLA achievement rate (0–1) of each month; null when no clock ended. */
  slaAchievement: z.object({ current: z.number().nullable(), last: z.number().nullable() }),
  /** The top 5 root causes of complaints closed this month. */
  rootCauses: z.array(z.object({ key: z.string(), name: z.string(), count: Count })),
  /** Improvement measures open or in progress past their due date. */
  measuresOverdue: Count,
});

export const HomeSchema = z
  .object({
    /** Present for people who work on tickets (tickets.write). */
    agent: HomeAgentSchema.optional(),
    /** Present for people who assign tickets (tickets.assign). */
    supervisor: HomeSupervisorSchema.optional(),
    /** Present for managers (sla.report with data scope department or all). */
    manager: HomeManagerSchema.optional(),
  })
  .meta({ id: 'Home' });
export type Home = z.infer<typeof HomeSchema>;
export type HomeManager = z.infer<typeof HomeManagerSchema>;
export type HomeSupervisor = z.infer<typeof HomeSupervisorSchema>;
