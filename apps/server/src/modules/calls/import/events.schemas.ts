import { z } from 'zod';
import { CALL_DIRECTIONS } from '../calls.tables.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** One live call event from the PBX (POST /api/v1/calls/events). */
export const CallEventSchema = z
  .strictObject({
    type: z
      .enum(['ringing', 'answered', 'ended', 'abandoned'])
      .describe(
        'ringing: an agent is rung; answered: connected; ended: hung up after talking; abandoned: hung up waiting',
      ),
    callId: text(200).describe('The PBX’s id of the call (Asterisk: the uniqueid)'),
    queue: text(200),
    callerNumber: z
      .string()
      .regex(/^\+?\d{1,32}$/)
      .optional(),
    agent: text(200).optional().describe('The PBX agent (e.g. PJSIP/8001): rung, or who answered'),
    direction: z.enum(CALL_DIRECTIONS).optional(),
    at: z.iso.datetime({ offset: true }).optional().describe('When it happened; default: when received'),
    enteredAt: z.iso.datetime({ offset: true }).optional().describe('When the call entered the queue'),
    waitSeconds: z.number().int().min(0).max(86_400).optional(),
    talkSeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .meta({ id: 'CallEvent' });
export type CallEvent = z.infer<typeof CallEventSchema>;

export const CallEventResultSchema = z.object({
  callId: z.uuid().describe('Kefu’s id of the call record'),
  outcome: z.string(),
  changed: z.boolean().describe('false: the record already said so (a repeated message); nothing was pushed'),
});

export const WebhookStateSchema = z.object({ hasSecret: z.boolean() }).meta({ id: 'CallWebhookState' });

export const SetWebhookSecretBodySchema = z.strictObject({
  secret: z
    .string()
    .max(200)
    .nullable()
    .optional()
    .describe('A `whsec_` secret to use; omitted: a new random one; null: switch the webhook off'),
});

export const WebhookSecretSchema = z.object({
  hasSecret: z.boolean(),
  secret: z.string().nullable().describe('The secret, shown this once (null when switched off)'),
});
