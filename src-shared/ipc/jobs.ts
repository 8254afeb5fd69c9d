import { z } from 'zod';
import type { ChannelMap, EventMap } from './define';

export const JobProgressSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  phase: z.string(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const JobFinishedSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  outcome: z.enum(['done', 'failed', 'cancelled']),
  message: z.string().nullable(),
});
export type JobFinished = z.infer<typeof JobFinishedSchema>;

export const jobChannels = {
  'jobs:cancel': {
    req: z.object({ jobId: z.string().min(1) }),
    res: z.object({ cancelled: z.boolean() }),
  },
  'jobs:list': {
    req: z.object({}),
    res: z.array(JobProgressSchema),
  },
} satisfies ChannelMap;

export const jobEvents = {
  'job:progress': JobProgressSchema,
  'job:finished': JobFinishedSchema,
} satisfies EventMap;
