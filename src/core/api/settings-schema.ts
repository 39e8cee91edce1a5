import { z } from 'zod';
import { MAX_TRUSTED_HOSTS, trustedHostProblem } from '../address/trusted-hosts';
import { byWebhookProvider } from './types';

/** What `updateSettings` takes; every field is optional and absent means "leave it". */

/** a string sets a webhook secret, null or '' clears it, absent leaves it. */
const secretInput = z.string().max(500).nullable().optional();

const trustedHost = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .superRefine((value, context) => {
    const problem = trustedHostProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const settingsPatchSchema = z.object({
  webhook_secrets: z.object(byWebhookProvider(() => secretInput)).optional(),
  body_limit_bytes: z.number().int().min(64 * 1024).max(1024 * 1024 * 1024).optional(),
  listener_port: z.number().int().min(0).max(65535).optional(),
  slow_reply_ms: z.number().int().min(100).max(60_000).optional(),
  /**
   * hosts a call's recording_url may point at although they are on this machine or a private
   * network (every other such address is refused): host names, IPs or CIDR ranges.
   */
  recording_fetch_allow_hosts: z.array(trustedHost).max(MAX_TRUSTED_HOSTS).optional(),
});
