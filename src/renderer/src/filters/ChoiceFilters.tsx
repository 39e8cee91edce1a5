import type { CallListFilter } from '../../../core/api/types';
import type { FacetField } from '../../../core/api/triage-contract';
import { platformLabel } from '../../../core/present/platform-label';
import { useApiQuery } from '../query/api-query';

/**
 * The filters picked from a list: verdict, agent, end reason, platform and tag. The choices come
 * from the store with their counts (listFacets, listTags); they are read again when a list is
 * focused and its choices are older than half a minute, so a new agent shows up without a
 * recount of the store on every arriving call.
 */

const FACETS_FRESH_MS = 30_000;

type Props = { filter: CallListFilter; onChange(filter: CallListFilter): void };

const count = (calls: number, exact: boolean) => `${calls.toLocaleString('en-US')}${exact ? '' : '+'}`;

const verdicts = ['unreviewed', 'reviewed', 'success', 'failure'] as const;

export function VerdictSelect({ filter, onChange }: Props) {
  return (
    <select
      aria-label="Verdict filter"
      className={filter.verdict ? 'applied' : undefined}
      value={filter.verdict ?? ''}
      onChange={(e) => onChange({ ...filter, verdict: verdicts.find((v) => v === e.target.value) })}
    >
      <option value="">any verdict</option>
      <option value="unreviewed">unreviewed</option>
      <option value="reviewed">reviewed</option>
      <option value="success">success</option>
      <option value="failure">failure</option>
    </select>
  );
}

const facetText = {
  agent_id: { name: 'Agent filter', any: 'any agent', label: (v: string) => v },
  end_reason: { name: 'End reason filter', any: 'any end reason', label: (v: string) => v },
  platform: { name: 'Platform filter', any: 'any platform', label: platformLabel },
} as const satisfies Record<FacetField, { name: string; any: string; label(value: string): string }>;

export function FacetSelect({ field, filter, onChange }: Props & { field: FacetField }) {
  const facets = useApiQuery('listFacets', {}, { staleTime: FACETS_FRESH_MS });
  const text = facetText[field];
  const facet = facets.data?.[field];
  const applied = filter[field];
  const known = facet?.values ?? [];
  return (
    <select
      aria-label={text.name}
      className={applied ? 'applied' : undefined}
      value={applied ?? ''}
      onFocus={() => {
        if (facets.isStale && !facets.isFetching) void facets.refetch();
      }}
      onChange={(e) => onChange({ ...filter, [field]: e.target.value || undefined })}
    >
      <option value="">{text.any}</option>
      {known.map((v) => (
        <option key={v.value} value={v.value}>
          {text.label(v.value)} · {count(v.calls, v.exact)}
        </option>
      ))}
      {/* from a saved view, or a value no call has any more: still shown as what is applied */}
      {applied && !known.some((v) => v.value === applied) && <option value={applied}>{text.label(applied)}</option>}
      {facet?.more && <option disabled>more than {known.length}: search for the rest</option>}
    </select>
  );
}

/**
 * Adds a tag to the filter (calls carrying every chosen tag, up to 10): the chosen tags are chips,
 * and the list offers the others, so it always reads as "add one".
 */
export function TagSelect({ filter, onChange }: Props) {
  const tags = useApiQuery('listTags', {});
  const chosen = filter.tags ?? [];
  const offered = (tags.data ?? []).filter((t) => !chosen.includes(t.name));
  return (
    <select
      aria-label="Tag filter"
      className={chosen.length > 0 ? 'applied' : undefined}
      value=""
      disabled={chosen.length >= 10}
      onChange={(e) => {
        if (e.target.value) onChange({ ...filter, tags: [...chosen, e.target.value] });
      }}
    >
      <option value="">{chosen.length === 0 ? 'any tag' : 'and tag…'}</option>
      {offered.map((t) => (
        <option key={t.name} value={t.name}>
          {t.name} · {t.calls.toLocaleString('en-US')}
        </option>
      ))}
    </select>
  );
}
