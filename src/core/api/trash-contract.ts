import { z } from 'zod';
import { returns } from './returns';

/**
 * The trash (issue 14): deleting calls from the list puts them in the trash, where they keep
 * everything, so Undo (`restoreCalls`) brings them back as they were. Emptying it deletes them for
 * good, files included; start-up does that to calls trashed more than 30 days ago. Spread into
 * `apiContract`; trash-handlers.ts implements it.
 */

const callIds = z.array(z.number().int().positive()).min(1).max(10_000);

export const trashContract = {
  /** answers how many calls went to the trash and which (what Undo restores). */
  trashCalls: { input: z.object({ ids: callIds }), output: returns<{ trashed: number; ids: number[] }>() },
  restoreCalls: { input: z.object({ ids: callIds }), output: returns<{ restored: number }>() },
  /** deletes every trashed call for good: its rows and its audio files. */
  emptyTrash: { input: z.object({}).default({}), output: returns<{ deleted: number }>() },
};
