import { forwardRef, useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallDetail } from '../../../core/api/types';
import { apiQuery, useApiMutation, useApiQuery } from '../query/api-query';
import { expectEcho, forgetEcho } from '../query/own-writes';
import { toast } from '../shared/toast';

/**
 * The open call's tags (free text such as a failure category): add one by name (the names already
 * used are offered), take one off with ×. `t` focuses the field. Written into the call's cached
 * read from the answer; the list and the tag counts refresh on the event.
 */
export const CallTags = forwardRef<HTMLInputElement, { callId: number; tags: readonly string[] }>(function CallTags({ callId, tags }, ref) {
  const client = useQueryClient();
  const listId = useId();
  const [name, setName] = useState('');
  const known = useApiQuery('listTags', {});
  const patch = (next: (tags: readonly string[]) => string[]) =>
    client.setQueryData(apiQuery('getCall', { id: callId }).queryKey, (detail: CallDetail | undefined) => detail && { ...detail, tags: next(detail.tags) });
  const write = useApiMutation('tagCalls', {
    onMutate: () => expectEcho(callId),
    onError: (error) => {
      forgetEcho(callId);
      toast(`The tag was not saved: ${error.message}`);
    },
    onSuccess: ({ tag, added, removed }) => {
      if (added.includes(callId)) patch((now) => [...now, tag].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
      if (removed.includes(callId)) patch((now) => now.filter((t) => t.toLowerCase() !== tag.toLowerCase()));
      void client.invalidateQueries({ queryKey: ['listTags'] });
    },
  });
  const add = () => {
    const tag = name.trim();
    if (!tag) return;
    if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return toast(`This call is already tagged "${tag}".`);
    write.mutate({ call_ids: [callId], add: tag });
    setName('');
  };
  return (
    <div className="call-tags" role="group" aria-label="Tags">
      {tags.map((tag) => (
        <span key={tag} className="chip">
          {tag}
          <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => write.mutate({ call_ids: [callId], remove: tag })}>
            ×
          </button>
        </span>
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input ref={ref} aria-label="Add tag" placeholder="Add tag (t)" list={listId} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        <datalist id={listId}>
          {(known.data ?? []).map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
      </form>
    </div>
  );
});
