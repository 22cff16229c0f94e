import { z } from 'zod';
import { ProblemSchema } from '../plugins/error-handler.js';

/** Problem responses every authenticated route can answer, for the OpenAPI document. */
export const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
} as const;

export const NoContent = z.null().describe('No content');
